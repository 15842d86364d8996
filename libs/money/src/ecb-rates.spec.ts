import fc from 'fast-check';
import { parseEcbXml, RatesFormatError } from './ecb-rates';

export const ECB_DAILY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2026-11-23'>
			<Cube currency='USD' rate='1.0823'/>
			<Cube currency='JPY' rate='163.45'/>
			<Cube currency='GBP' rate='0.8571'/>
		</Cube>
	</Cube>
</gesmes:Envelope>`;

describe(parseEcbXml.name, () => {
  it('reads the daily file', () => {
    expect(parseEcbXml(ECB_DAILY)).toEqual([{ date: '2026-11-23', rates: { USD: '1.0823', JPY: '163.45', GBP: '0.8571' } }]);
  });

  it('reads historical files, oldest day first, single-currency days too', () => {
    const xml = ECB_DAILY.replace(
      "<Cube time='2026-11-23'>",
      "<Cube time='2026-11-24'><Cube currency='USD' rate='1.09'/></Cube><Cube time='2026-11-23'>",
    );
    expect(parseEcbXml(xml).map((day) => day.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(parseEcbXml(xml)[1].rates).toEqual({ USD: '1.09' });
  });

  it.each([
    ['not XML', 'rates!'],
    ['another document', '<html><body>maintenance</body></html>'],
    ['a bad rate', ECB_DAILY.replace("rate='1.0823'", "rate='-1'")],
    ['a bad date', ECB_DAILY.replace("time='2026-11-23'", "time='yesterday'")],
  ])('refuses %s', (_name, xml) => {
    expect(() => parseEcbXml(xml)).toThrow(RatesFormatError);
  });

  it('never fails with anything but a format error on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseEcbXml(text);
        } catch (error) {
          if (!(error instanceof RatesFormatError)) throw error;
        }
      }),
    );
  });
});

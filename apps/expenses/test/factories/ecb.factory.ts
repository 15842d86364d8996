/** An ECB reference rates document (the historical format: several days). */
export function ecbXml(days: Record<string, Record<string, string>>): string {
  const cubes = Object.entries(days)
    .map(([date, rates]) => `<Cube time='${date}'>${Object.entries(rates).map(([c, r]) => `<Cube currency='${c}' rate='${r}'/>`).join('')}</Cube>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>${cubes}</Cube>
</gesmes:Envelope>`;
}

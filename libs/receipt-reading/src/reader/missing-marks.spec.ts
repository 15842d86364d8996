import { withMissingMarks } from './missing-marks';

const MARKS = new Set(['(', ')', ',', ':']);

describe(withMissingMarks.name, () => {
  it('adds the brackets, commas and colons only the opinion has, opening brackets before and the others after their neighbours', () => {
    expect(withMissingMarks('MR.D.I.Y. KUCHAI SDN BHD', 'MR. D.I.Y. (KUCHAI) SDN BHD', MARKS)).toBe('MR.D.I.Y. (KUCHAI) SDN BHD');
    expect(withMissingMarks('CO Reg 750441-W)', '(CO Reg : 750441-W)', MARKS)).toBe('(CO Reg: 750441-W)');
    expect(withMissingMarks('LOT P.T.2811,JALAN ANGSA', 'LOT P.T. 2811, JALAN ANGSA,', MARKS)).toBe('LOT P.T.2811,JALAN ANGSA,');
  });

  it('keeps its own letters where the readings disagree, and adds no mark there', () => {
    expect(withMissingMarks('LIAN HING SDN BHD', 'IJAN HING, SDN BHD', MARKS)).toBe('LIAN HING, SDN BHD');
    expect(withMissingMarks('TAMAN SERDANG', 'TAMAN SERDANC,', MARKS)).toBe('TAMAN SERDANG');
    expect(withMissingMarks('43300 SERI KEMBANGAN', '43300 SER1 KEMBANGAN', MARKS)).toBe('43300 SERI KEMBANGAN');
  });

  it('adds only the marks asked for', () => {
    expect(withMissingMarks('NO 12 JALAN', 'NO. 12-JALAN', MARKS)).toBe('NO 12 JALAN');
  });

  it('reads an empty or unrelated opinion as no opinion', () => {
    expect(withMissingMarks('KEDAI RUNCIT', '', MARKS)).toBe('KEDAI RUNCIT');
    expect(withMissingMarks('', '(,:)', MARKS)).toBe('');
    expect(withMissingMarks('ABC', 'XYZ,', MARKS)).toBe('ABC');
  });
});

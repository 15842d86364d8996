import { boxesToText } from './ground-truth-text';

describe(boxesToText.name, () => {
  it('groups boxes into rows by height and orders each row left to right', () => {
    const sut = boxesToText(
      ['245,639,293,639,293,658,245,658,TOTAL:', '50,82,440,82,440,121,50,121,ACME SDN BHD', '411,640,443,640,443,657,411,657,9.00', 'garbage line'].join('\n'),
    );
    expect(sut).toBe('ACME SDN BHD\nTOTAL: 9.00');
  });

  it('keeps commas inside the text', () => {
    expect(boxesToText('1,1,9,1,9,9,1,9,NO 8, JALAN 7')).toBe('NO 8, JALAN 7');
  });
});

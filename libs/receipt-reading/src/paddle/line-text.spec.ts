import { lineText } from './line-text';

describe(lineText.name, () => {
  it("joins the boxes' readings with spaces and reads Paddle's underscores as spaces", () => {
    expect(lineText(['CUT FRUITS_1.99'])).toBe('CUT FRUITS 1.99');
    expect(lineText([' Total Incl. GST@6% RM_34.80 ', 'S'])).toBe('Total Incl. GST@6% RM 34.80 S');
    expect(lineText(['LAVENDER_CONFECTIONERY_& BAKERY', '_'])).toBe('LAVENDER CONFECTIONERY & BAKERY');
  });

  it('keeps the underscores of e-mail and web addresses', () => {
    expect(lineText(['Email: sales_team@kedai.com.my'])).toBe('Email: sales_team@kedai.com.my');
    expect(lineText(['www.kedai_maju.my'])).toBe('www.kedai_maju.my');
  });
});

import { detectDocumentType } from '../detect-document-type';
import { readText } from './read-text';

describe('readText', () => {
  it('turns an HTML order confirmation into lines, a table row per line, without images or link targets', () => {
    const html = Buffer.from(
      '<h1>Thanks for your order</h1><img src="https://x.example/logo.png" alt="Logo"><p>Order <a href="https://x.example/o/1">#4451</a></p>' +
        '<table><tr><td>USB-C cable</td><td>2</td><td>€9.98</td></tr><tr><td>Total</td><td></td><td>€9.98</td></tr></table>',
    );
    const sut = readText(html, 'html');
    expect(sut.source).toBe('text');
    expect(sut.pages).toBe(1);
    expect(sut.text).toContain('Thanks for your order');
    expect(sut.text).toMatch(/^USB-C cable\s+2\s+€9\.98$/m);
    expect(sut.text).toMatch(/^Total\s+€9\.98$/m);
    expect(sut.text).not.toMatch(/https:|Logo/);
  });

  it('keeps plain text as it is and refuses bytes that are not UTF-8 text', () => {
    expect(readText(Buffer.from('Total 3.50\r\nThanks'), 'plain').text).toBe('Total 3.50\nThanks');
    expect(() => readText(Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'plain')).toThrow('The text is not valid UTF-8.');
    expect(() => readText(Buffer.from('a\0b'), 'plain')).toThrow('The file is not text.');
  });
});

describe('detectDocumentType for mail bodies', () => {
  it('takes a declared text/html or text/plain when the bytes are no other known type', async () => {
    expect(await detectDocumentType(Buffer.from('<p>Total 3.50</p>'), 'text/html; charset=utf-8')).toEqual({ kind: 'text', format: 'html' });
    expect(await detectDocumentType(Buffer.from('Total 3.50'), 'text/plain')).toEqual({ kind: 'text', format: 'plain' });
    // The bytes decide: a PDF declared as text is read as a PDF.
    expect(await detectDocumentType(Buffer.from('%PDF-1.4\n%%EOF\n'), 'text/html')).toEqual({ kind: 'pdf' });
  });
});

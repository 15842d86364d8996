import { textBoxes, unclip, DEFAULT_TEXT_BOX_OPTIONS } from './text-boxes';

/** A probability map with rectangles of probability `p`. */
function map(width: number, height: number, rects: { left: number; top: number; width: number; height: number; p: number }[]) {
  const data = new Float32Array(width * height);
  for (const r of rects) for (let y = r.top; y < r.top + r.height; y++) for (let x = r.left; x < r.left + r.width; x++) data[y * width + x] = r.p;
  return { data, width, height };
}

describe(textBoxes.name, () => {
  it('finds each text kernel and grows it back by area × ratio / perimeter', () => {
    const rects = [{ left: 20, top: 10, width: 60, height: 10, p: 0.9 }, { left: 20, top: 50, width: 100, height: 8, p: 0.8 }];
    const boxes = textBoxes(map(200, 100, rects), { ...DEFAULT_TEXT_BOX_OPTIONS, unclipRatio: 1.5 });
    expect(boxes).toHaveLength(2);
    // 60 × 10 kernel: grows by 600 × 1.5 / 140 ≈ 6.4 px each side.
    expect(boxes[0]).toMatchObject({ left: 13, top: 3, width: 74, height: 24 });
    expect(boxes[0].score).toBeCloseTo(0.9, 5);
    expect(boxes[1].top).toBeLessThan(50);
  });

  it('drops faint regions and specks', () => {
    const boxes = textBoxes(map(100, 100, [{ left: 10, top: 10, width: 40, height: 10, p: 0.4 }, { left: 10, top: 50, width: 2, height: 2, p: 0.9 }]));
    expect(boxes).toEqual([]);
  });

  it('joins pixels touching at a corner into one region', () => {
    const boxes = textBoxes(map(100, 100, [{ left: 10, top: 10, width: 20, height: 5, p: 0.9 }, { left: 30, top: 15, width: 20, height: 5, p: 0.9 }]));
    expect(boxes).toHaveLength(1);
  });
});

describe(unclip.name, () => {
  it('stays within the map', () => {
    expect(unclip({ left: 0, top: 0, width: 10, height: 10 }, DEFAULT_TEXT_BOX_OPTIONS.unclipRatio, { width: 12, height: 12 })).toEqual({ left: 0, top: 0, width: 12, height: 12 });
  });
});

import { Progress } from './progress';

describe(Progress.name, () => {
  it('reports whole percents, never backwards nor twice, and a part of the work within its span', () => {
    const reported: number[] = [];
    const progress = new Progress((percent) => reported.push(percent));
    progress.report(0, 10);
    const page = progress.within(10, 50);
    page.report(0, 100, 0.5);
    page.report(0, 50);
    page.report(0, 100);
    progress.report(40, 40);
    progress.report(50, 100, 0.5);
    expect(reported).toEqual([10, 30, 50, 75]);
  });
});

// When data changes behind the views' backs (an archive was imported), bumping this makes the
// shell show every view afresh.
export const dataVersion = $state({ n: 0 });

export function refreshAll(): void {
  dataVersion.n += 1;
}

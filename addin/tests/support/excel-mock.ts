// A recording Excel object model built from office-addin-mock objects: every range, sheet,
// chart and table the code under test asks for is kept, with what was set or called on it.
import { OfficeMockObject } from "office-addin-mock";

export type Call = [string, ...unknown[]];

export interface ExcelMock {
  excel: typeof Excel;
  calls: Call[];
  syncs: () => number;
  range: (sheet: string, address: string) => Record<string, any>;
  sheet: (name: string) => Record<string, any>;
  charts: Record<string, any>[];
  tables: Record<string, any>[];
}

export function mockExcel(sheetNames: string[] = ["Sheet1"], inserted = ["new-1", "new-2"]): ExcelMock {
  const calls: Call[] = [];
  const ranges = new Map<string, Record<string, any>>();
  const sheets = new Map<string, Record<string, any>>();
  const charts: Record<string, any>[] = [];
  const tables: Record<string, any>[] = [];
  let syncCount = 0;

  const makeRange = (sheet: string, address: string) => {
    const key = `${sheet}!${address}`;
    if (ranges.has(key)) return ranges.get(key)!;
    const borders: Record<string, any> = {};
    const r = new OfficeMockObject({
      address: key,
      format: {
        font: {}, fill: { clear: () => calls.push(["fill.clear", key]) },
        borders: { getItem: (edge: string) => (borders[edge] ??= new OfficeMockObject({})) },
        autofitColumns: () => calls.push(["autofitColumns", key]),
      },
      copyFrom: (source: { key: string }, type: string) => calls.push(["copyFrom", key, source.key, type]),
      clear: (what: string) => calls.push(["clear", key, what]),
      merge: (across: boolean) => calls.push(["merge", key, across]),
      unmerge: () => calls.push(["unmerge", key]),
      insert: (shift: string) => calls.push(["insert", key, shift]),
      delete: (shift: string) => calls.push(["delete", key, shift]),
      select: () => calls.push(["select", key]),
    }) as Record<string, any>;
    r.borders = borders;
    r.key = key; // plain property: Office.js-style properties read "not loaded" until load + sync
    ranges.set(key, r);
    return r;
  };

  const makeSheet = (name: string): Record<string, any> => {
    if (sheets.has(name)) return sheets.get(name)!;
    const ws = new OfficeMockObject({
      name,
      getRange: (address: string) => makeRange(name, address),
      delete: function (this: { name: string }) { calls.push(["deleteSheet", this.name]); },
      activate: () => calls.push(["activate", name]),
      freezePanes: {
        freezeAt: (r: string) => calls.push(["freezeAt", name, r]),
        freezeRows: (n: number) => calls.push(["freezeRows", name, n]),
        freezeColumns: (n: number) => calls.push(["freezeColumns", name, n]),
        unfreeze: () => calls.push(["unfreeze", name]),
      },
      charts: {
        add: (type: string, source: { key: string }, seriesBy: string) => {
          const chart = new OfficeMockObject({
            title: {}, legend: {}, axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
            setPosition: (start: string, end: string) => calls.push(["chart.setPosition", name, start, end]),
          }) as Record<string, any>;
          Object.assign(chart, { type, source: source.key, seriesBy, sheet: name });
          charts.push(chart);
          return chart;
        },
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const table = Object.assign(new OfficeMockObject({}), { address, hasHeaders, sheet: name }) as Record<string, any>;
          tables.push(table);
          return table;
        },
      },
      names: { add: (n: string, ref: string, comment?: string) => calls.push(["names.add", name, n, ref, comment]) },
    }) as Record<string, any>;
    ws.name = name;
    sheets.set(name, ws);
    return ws;
  };

  const existing = sheetNames.map(makeSheet);
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => makeSheet(name),
          getActiveWorksheet: () => makeSheet(sheetNames[0]),
          add: (name: string) => { calls.push(["addSheet", name]); return makeSheet(name); },
          load: (what: string) => calls.push(["worksheets.load", what]),
        },
        names: { add: (n: string, ref: string, comment?: string) => calls.push(["names.add", null, n, ref, comment]) },
        insertWorksheetsFromBase64: (base64: string, options: unknown) => {
          calls.push(["insertWorksheetsFromBase64", base64, options]);
          return { value: inserted };
        },
      },
      sync: async () => { syncCount++; calls.push(["sync"]); },
    },
    run: async function (this: any, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as Record<string, any>;
  mock.context.workbook.worksheets.items = existing;

  return {
    excel: mock as unknown as typeof Excel,
    calls,
    syncs: () => syncCount,
    range: (sheet, address) => ranges.get(`${sheet}!${address}`) ?? {},
    sheet: (name) => sheets.get(name) ?? {},
    charts,
    tables,
  };
}

/** Office.context.requirements saying yes to the listed sets up to the given versions. */
export function requirementsFor(sets: Record<string, string>) {
  return {
    isSetSupported: (name: string, version = "1.1") =>
      name in sets && compareVersions(version, sets[name]) <= 0,
  };
}

function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number), [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

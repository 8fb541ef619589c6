// Office.js stand-in for browser tests, served in place of Microsoft's office.js. Set
// window.__officinaStub = { host, documentBase64, url, sets } before the page loads.
// Every Excel/Word/PowerPoint call the pane makes is recorded in window.__officeCalls.
(function () {
  const cfg = window.__officinaStub || { host: null };
  const calls = (window.__officeCalls = []);
  const bytes = cfg.documentBase64 ? Uint8Array.from(atob(cfg.documentBase64), (c) => c.charCodeAt(0)) : new Uint8Array(0);
  const ok = (value) => ({ status: "succeeded", value });
  const sets = cfg.sets || { ExcelApi: "1.17", WordApi: "1.4", PowerPointApi: "1.5", File: "1.1" };
  const newer = (a, b) => { const [a1, a2 = 0] = String(a).split(".").map(Number), [b1, b2 = 0] = String(b).split(".").map(Number); return a1 - b1 || a2 - b2; };

  window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint" },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: () => Promise.resolve({ host: cfg.host, platform: "OfficeOnline" }),
    context: {
      host: cfg.host,
      requirements: { isSetSupported: (name, v) => name in sets && newer(v || "1.1", sets[name]) <= 0 },
      document: {
        url: cfg.url,
        getFileAsync(type, options, callback) {
          calls.push(["getFileAsync", type, options.sliceSize]);
          const size = options.sliceSize;
          const count = Math.max(1, Math.ceil(bytes.length / size));
          callback(ok({
            size: bytes.length, sliceCount: count,
            getSliceAsync: (i, done) => done(ok({ index: i, data: Array.from(bytes.subarray(i * size, (i + 1) * size)) })),
            closeAsync: () => calls.push(["closeFile"]),
          }));
        },
      },
    },
  };

  // A recording object model: property sets and method calls become entries like
  // ["set", "workbook.worksheets.getItem(\"Sheet1\").getRange(\"A1:B2\").values", [[1, 2]]].
  function node(path) {
    return new Proxy(function () {}, {
      get(_, prop) {
        if (prop === "then" || typeof prop === "symbol") return undefined;
        if (prop === "load" || prop === "track" || prop === "untrack") return () => {};
        if (prop === "items" || prop === "value") return [];
        if (prop === "changeTrackingMode") return cfg.trackingMode || "Off";
        return node(`${path}.${prop}`);
      },
      set(_, prop, value) { calls.push(["set", `${path}.${String(prop)}`, value]); return true; },
      apply(_, __, args) {
        const call = `${path}(${args.map((a) => (typeof a === "function" ? "fn" : JSON.stringify(a))).join(", ")})`;
        calls.push(["call", call]);
        return node(call);
      },
    });
  }
  const run = (root) => async (callback) => {
    const context = { [root]: node(root), sync: async () => { calls.push(["sync"]); } };
    if (root === "workbook") context.workbook = node("workbook");
    return callback(context);
  };
  window.Excel = { run: run("workbook") };
  window.Word = { run: (cb) => cb({ document: node("document"), sync: async () => calls.push(["sync"]) }) };
  window.PowerPoint = { run: (cb) => cb({ presentation: node("presentation"), sync: async () => calls.push(["sync"]) }) };
})();

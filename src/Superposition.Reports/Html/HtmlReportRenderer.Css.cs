namespace Superposition.Reports.Html;

/// <summary>The page's inline style sheets: screen (full width, adapting to the window) and print (close to the PDF).</summary>
public sealed partial class HtmlReportRenderer
{
    private const string Css = """
        :root { --fg: #1e1e1e; --muted: #555; --line: #e2e2e2; --head: #ececec; --accent: #1f5f99; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 15px; line-height: 1.45; color: var(--fg); background: #fff; margin: 0; }
        main { max-width: 2400px; margin: 0 auto; padding: 12px clamp(10px, 2.5vw, 40px) 56px; }
        p, .callout, figcaption, .formula { max-width: 120ch; }
        h1 { font-size: clamp(20px, 2.2vw, 28px); margin: 8px 0 12px; overflow-wrap: anywhere; }
        h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 3px; overflow-wrap: anywhere; }
        h3 { font-size: 17px; margin: 20px 0 6px; }
        h4 { font-size: 15px; margin: 16px 0 4px; }
        section, tr[id] { scroll-margin-top: 44px; }
        a { color: var(--accent); }
        code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.92em; background: #f3f3f3; padding: 0 3px; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: 10px 0; }
        table.meta th, table.kv th { text-align: left; padding: 2px 16px 2px 0; font-weight: bold; vertical-align: top; white-space: nowrap; }
        table.meta td, table.kv td { padding: 2px 0; overflow-wrap: anywhere; }
        nav.toc { margin: 14px 0 6px; padding: 6px 12px; background: #f6f7f9; border: 1px solid var(--line); border-radius: 4px; font-size: 14px; }
        nav.toc summary { cursor: pointer; font-weight: bold; }
        nav.toc ol { columns: 18em; column-gap: 2em; margin: 6px 0 2px; padding-left: 2.2em; }
        nav.toc li { break-inside: avoid; overflow-wrap: anywhere; }
        .filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin: 12px 0 6px; font-size: 14px; }
        .filters label { white-space: nowrap; font-weight: bold; }
        .filters input, .filters select { font: inherit; font-weight: normal; padding: 2px 6px; border: 1px solid #aaa; border-radius: 4px; background: #fff; max-width: 14em; }
        .filters .count { color: var(--muted); margin-left: auto; white-space: nowrap; }
        .table-wrap { overflow: auto; margin: 8px 0 14px; border: 1px solid var(--line); }
        .table-wrap.long { max-height: 78vh; }
        table.data { border-collapse: separate; border-spacing: 0; width: 100%; font-size: 13px; margin: 0; }
        p.table-caption { font-size: 13px; font-style: italic; color: #444; margin: 10px 0 4px; }
        table.data th { position: sticky; top: 0; z-index: 2; background: var(--head); border-bottom: 1px solid #999; padding: 0; text-align: left; vertical-align: bottom; white-space: nowrap; }
        table.data th button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 5px 20px 5px 8px; cursor: pointer; position: relative; font-weight: bold; }
        table.data th.r button { text-align: right; }
        table.data th.c button { text-align: center; }
        table.data th button::after { content: "⇅"; position: absolute; right: 5px; color: #999; font-weight: normal; }
        table.data th[aria-sort=ascending] button::after { content: "▲"; color: var(--accent); }
        table.data th[aria-sort=descending] button::after { content: "▼"; color: var(--accent); }
        table.data th button:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
        table.data td { border-bottom: 1px solid var(--line); padding: 3px 8px; vertical-align: top; overflow-wrap: break-word; }
        table.data tbody tr { background: #fff; }
        table.data tbody tr:nth-child(even) { background: #f7f7f7; }
        table.data tbody tr:hover { background: #eaf2fa; }
        table.data tbody tr:target { background: #fff1bd; }
        table.data td:first-child { position: sticky; left: 0; z-index: 1; background: inherit; max-width: 36em; overflow-wrap: break-word; }
        table.data th:first-child { left: 0; z-index: 3; }
        .r { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .c { text-align: center !important; white-space: nowrap; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); gap: 4px 32px; align-items: start; }
        figure { margin: 12px 0; min-width: 0; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart .hl { pointer-events: none; }
        figcaption { font-size: 13px; font-style: italic; color: #444; margin-top: 4px; }
        .formula { text-align: center; font-size: 17px; margin: 12px 0; }
        .callout { border-left: 4px solid #1f77b4; background: #eef5fb; padding: 8px 12px; margin: 12px 0; overflow-wrap: break-word; }
        .callout.warning { border-color: #d62728; background: #fdeeee; }
        .callout.finding { border-color: #2ca02c; background: #eef8ee; }
        .back { font-size: 13px; margin: -2px 0 8px; }
        .to-top { position: fixed; right: 14px; bottom: 14px; z-index: 5; background: #fff; border: 1px solid #bbb; border-radius: 14px; padding: 2px 10px; font-size: 13px; text-decoration: none; }
        .tip { position: fixed; z-index: 10; pointer-events: none; background: rgba(255, 255, 255, 0.97); border: 1px solid #888; border-radius: 4px; padding: 4px 8px; font-size: 13px; line-height: 1.35; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.2); white-space: nowrap; font-variant-numeric: tabular-nums; }
        .tip b { display: block; }
        hr.page-break { border: 0; border-top: 1px dashed #bbb; margin: 24px 0; }
        @media (max-width: 640px) {
          body { font-size: 14px; }
          h2 { font-size: 18px; }
          table.data { font-size: 12px; }
          table.meta th, table.kv th { padding-right: 8px; white-space: normal; }
          .filters .count { margin-left: 0; }
        }
        @media (max-width: 900px) {
          /* The table scrolls sideways here: one line per row, and the sticky name column a third of a phone wide. */
          table.data td { white-space: nowrap; }
          table.data td:first-child { white-space: normal; min-width: 10em; overflow-wrap: anywhere; }
        }

        """;

    private const string PrintCss = """
        @media print {
          @page { size: A4; margin: 14mm 12mm; }
          body { font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          nav.toc, .filters, .back, .to-top, .tip, svg.chart .hl { display: none !important; }
          .table-wrap, .table-wrap.long { overflow: visible; max-height: none; border: 0; }
          table.data { font-size: 7.5pt; }
          table.data th, table.data td:first-child { position: static; }
          table.data th button { padding: 3px 5px; }
          table.data th button::after { content: none !important; }
          table.data tbody tr[hidden] { display: table-row; }
          thead { display: table-header-group; }
          tr, figure, .callout, table.kv { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          .figures { display: block; }
          figure { max-width: 17cm; margin: 4mm auto; }
          a { color: inherit; text-decoration: none; }
          hr.page-break { border: 0; margin: 0; break-after: page; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}

namespace Superposition.Reports.Html;

/// <summary>The page's inline style sheet.</summary>
public sealed partial class HtmlReportRenderer
{
    private const string Css = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 15px; line-height: 1.45; color: #1e1e1e; background: #fff; margin: 0; }
        main { max-width: 820px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 12px; }
        h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
        h3 { font-size: 17px; margin: 20px 0 6px; }
        h4 { font-size: 15px; margin: 16px 0 4px; }
        code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.92em; background: #f3f3f3; padding: 0 3px; }
        table { border-collapse: collapse; margin: 10px 0; }
        table.meta th, table.kv th { text-align: left; padding: 2px 16px 2px 0; font-weight: bold; vertical-align: top; }
        table.meta td, table.kv td { padding: 2px 0; }
        table.data { width: 100%; font-size: 13px; }
        table.data caption { text-align: left; font-style: italic; padding-bottom: 4px; }
        table.data th { background: #ececec; border-bottom: 1px solid #999; padding: 4px 6px; text-align: left; }
        table.data td { border-bottom: 1px solid #e4e4e4; padding: 3px 6px; }
        table.data tbody tr:nth-child(even) { background: #f8f8f8; }
        .r { text-align: right !important; font-variant-numeric: tabular-nums; }
        .c { text-align: center !important; }
        figure { margin: 14px 0; }
        svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
        figcaption { font-size: 13px; font-style: italic; color: #444; margin-top: 4px; }
        .formula { text-align: center; font-size: 17px; margin: 12px 0; }
        .callout { border-left: 4px solid #1f77b4; background: #eef5fb; padding: 8px 12px; margin: 12px 0; }
        .callout.warning { border-color: #d62728; background: #fdeeee; }
        .callout.finding { border-color: #2ca02c; background: #eef8ee; }
        hr.page-break { border: 0; border-top: 1px dashed #bbb; margin: 24px 0; page-break-after: always; }

        """;
}

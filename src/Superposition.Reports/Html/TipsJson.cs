using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Superposition.Reports.Charts;

namespace Superposition.Reports.Html;

/// <summary>
/// A chart's tooltip targets as compact JSON for the page script, embedded in a non-executed
/// <c>&lt;script type="application/json"&gt;</c>. Layout: <c>x</c>, <c>y</c> axis labels; <c>s</c> series names;
/// <c>plot</c> [x, y, w, h]; <c>p</c> points as flat quintuples (series, x, y, x text, y text); <c>b</c> bars as
/// flat septuples (series, left, right, top, bottom, bin text, height text); <c>h</c> the heatmap, if any.
/// Coordinates are drawing points (the SVG's viewBox units), rounded to 0.1.
/// </summary>
internal static class TipsJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ChartTips tips)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("x", tips.XLabel);
            json.WriteString("y", tips.YLabel);
            json.WriteStartArray("s");
            foreach (var name in tips.Series) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("plot");
            Coordinates(json, tips.Plot.X, tips.Plot.Y, tips.Plot.Width, tips.Plot.Height);
            json.WriteEndArray();
            json.WriteStartArray("p");
            foreach (var p in tips.Points)
            {
                json.WriteNumberValue(p.Series);
                Coordinates(json, p.X, p.Y);
                json.WriteStringValue(p.XText);
                json.WriteStringValue(p.YText);
            }

            json.WriteEndArray();
            json.WriteStartArray("b");
            foreach (var b in tips.Bars)
            {
                json.WriteNumberValue(b.Series);
                Coordinates(json, b.Left, b.Right, b.Top, b.Bottom);
                json.WriteStringValue(b.Bin);
                json.WriteStringValue(b.Height);
            }

            json.WriteEndArray();
            if (tips.Heat is { } h)
            {
                json.WriteStartObject("h");
                json.WriteString("name", h.Name);
                json.WriteStartArray("box");
                Coordinates(json, h.X, h.Y, h.Width, h.Height);
                json.WriteEndArray();
                json.WriteNumber("rows", h.Rows);
                json.WriteNumber("cols", h.Columns);
                json.WriteNumber("br", h.BlockRows);
                json.WriteNumber("bc", h.BlockColumns);
                json.WriteNumber("fr", h.RowFactor);
                json.WriteNumber("fc", h.ColumnFactor);
                json.WriteBoolean("flipR", h.FlipRows);
                json.WriteBoolean("flipC", h.FlipColumns);

                // Three significant digits as JSON numbers (a heatmap has up to 40,000 cells); null for a block without finite values.
                json.WriteStartArray("v");
                foreach (var v in h.Means)
                {
                    if (double.IsFinite(v)) json.WriteRawValue(v.ToString("G3", CultureInfo.InvariantCulture));
                    else json.WriteNullValue();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        // "</" must not appear inside a script element, whatever the labels contain.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private static void Coordinates(Utf8JsonWriter json, params double[] values)
    {
        foreach (var v in values)
        {
            json.WriteRawValue(Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture));
        }
    }
}

using PdfSharp.Drawing;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>Formulas and callouts.</summary>
internal sealed partial class PdfBlockWriter
{
    // Script size and baseline shifts as fractions of the formula size (close to TeX's defaults).
    private const double ScriptScale = 0.7;
    private const double SubShift = 0.22;
    private const double SuperShift = 0.42;

    private void WriteFormula(Formula formula)
    {
        var size = Body * 1.2;
        var pieces = formula.Runs
            .Select(run =>
            {
                var font = _fonts.Get(run.Position == ScriptPosition.Baseline ? size : size * ScriptScale);
                return (Run: run, Font: font, Width: G.MeasureString(run.Text, font).Width);
            })
            .ToList();
        var total = pieces.Sum(p => p.Width);
        var height = size * 2.0;
        _flow.EnsureSpace(height);
        var x = _flow.Left + Math.Max(0, (_flow.ContentWidth - total) / 2);
        var baseline = _flow.Y + (size * 1.25);
        foreach (var (run, font, width) in pieces)
        {
            var y = run.Position switch
            {
                ScriptPosition.Subscript => baseline + (SubShift * size),
                ScriptPosition.Superscript => baseline - (SuperShift * size),
                _ => baseline,
            };
            G.DrawString(run.Text, font, TextBrush, x, y, XStringFormats.BaseLineLeft);
            x += width;
        }

        _flow.Y += height;
    }

    private void WriteCallout(Callout callout)
    {
        var (bar, background) = callout.Kind switch
        {
            CalloutKind.Warning => (XColor.FromArgb(214, 39, 40), XColor.FromArgb(253, 238, 238)),
            CalloutKind.Finding => (XColor.FromArgb(44, 160, 44), XColor.FromArgb(238, 248, 238)),
            _ => (XColor.FromArgb(31, 119, 180), XColor.FromArgb(238, 245, 251)),
        };
        const double Pad = 6;
        const double BarWidth = 3;
        var runs = new List<TextRun> { new(callout.DisplayTitle + ". ", TextStyle.Bold) };
        runs.AddRange(callout.Runs);
        var textWidth = _flow.ContentWidth - BarWidth - (2 * Pad);
        var lines = PdfTextLayout.Wrap(G, runs, s => _fonts.Get(Body, s), textWidth);
        var lineHeight = Body * LineFactor;

        // A callout is drawn as one box; one taller than a page is split into page-sized boxes.
        var index = 0;
        _flow.Y += Body * 0.3;
        while (index < lines.Count)
        {
            _flow.EnsureSpace((2 * Pad) + (Math.Min(lines.Count - index, 3) * lineHeight));
            var fit = Math.Max(1, (int)Math.Floor((_flow.Bottom - _flow.Y - (2 * Pad)) / lineHeight));
            var take = Math.Min(fit, lines.Count - index);
            var boxHeight = (2 * Pad) + (take * lineHeight);
            G.DrawRectangle(new XSolidBrush(background), _flow.Left, _flow.Y, _flow.ContentWidth, boxHeight);
            G.DrawRectangle(new XSolidBrush(bar), _flow.Left, _flow.Y, BarWidth, boxHeight);
            var y = _flow.Y + Pad;
            for (var i = 0; i < take; i++)
            {
                PdfTextLayout.DrawLine(G, lines[index + i], _flow.Left + BarWidth + Pad, y + Body, TextBrush);
                y += lineHeight;
            }

            index += take;
            _flow.Y += boxHeight;
        }

        _flow.Y += Body * 0.8;
    }
}

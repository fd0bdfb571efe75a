using PdfSharp.Drawing;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>The fonts of one rendering, created once (XFont creation parses the font program).</summary>
internal sealed class PdfFonts
{
    private readonly Dictionary<(string Family, double Size, XFontStyleEx Style), XFont> _fonts = [];

    public PdfFonts(double bodySize)
    {
        BodySize = bodySize;
    }

    public double BodySize { get; }

    public double TableSize => BodySize - 1.5;

    public double SmallSize => BodySize - 2;

    public XFont Get(double size, TextStyle style = TextStyle.Regular)
    {
        var mono = style.HasFlag(TextStyle.Monospace);
        var family = mono ? DejaVuFontResolver.Mono : DejaVuFontResolver.Sans;
        var fontStyle = mono
            ? XFontStyleEx.Regular
            : (style.HasFlag(TextStyle.Bold), style.HasFlag(TextStyle.Italic)) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };

        // Monospace reads larger than proportional text at the same size.
        var effectiveSize = mono ? size * 0.92 : size;
        var key = (family, effectiveSize, fontStyle);
        if (!_fonts.TryGetValue(key, out var font))
        {
            // Unicode encoding: WinAnsi has no Greek letters or math operators.
            font = new XFont(family, effectiveSize, fontStyle, XPdfFontOptions.UnicodeDefault);
            _fonts[key] = font;
        }

        return font;
    }
}

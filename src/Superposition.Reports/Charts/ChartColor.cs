using System.Globalization;

namespace Superposition.Reports.Charts;

/// <summary>An opaque sRGB colour.</summary>
public readonly record struct ChartColor(byte R, byte G, byte B)
{
    public static readonly ChartColor Black = new(0, 0, 0);
    public static readonly ChartColor White = new(255, 255, 255);
    public static readonly ChartColor Grey = new(128, 128, 128);
    public static readonly ChartColor LightGrey = new(225, 225, 225);

    /// <summary>
    /// Series colours in order (Tableau 10, readable in print and for the common colour-vision deficiencies
    /// better than pure RGB).
    /// </summary>
    public static IReadOnlyList<ChartColor> Palette { get; } =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    /// <summary>"#rrggbb".</summary>
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>Linear interpolation in sRGB, t clamped to [0, 1].</summary>
    public static ChartColor Lerp(ChartColor a, ChartColor b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new ChartColor(Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));
}

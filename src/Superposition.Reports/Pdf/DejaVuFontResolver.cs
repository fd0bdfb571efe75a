using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Superposition.Reports.Pdf;

/// <summary>
/// Serves DejaVu Sans and DejaVu Sans Mono (Debian package fonts-dejavu-core) to PDFsharp. DejaVu covers
/// Greek, the mathematical operators and Unicode super/subscripts the report uses. PDFsharp embeds the
/// used glyphs as a subset.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";

    private static readonly string[] FaceNames =
    [
        "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique",
        "DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSansMono-Oblique", "DejaVuSansMono-BoldOblique",
    ];

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public DejaVuFontResolver(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Throws a clear error naming the first missing font file and how to get it.</summary>
    public static void RequireFonts(string directory)
    {
        foreach (var face in FaceNames)
        {
            var path = Path.Combine(directory, face + ".ttf");
            if (!File.Exists(path))
            {
                throw Fail.NativeLibraryMissing(
                    "The report font " + path,
                    "PDF reports need the DejaVu fonts: install the Debian/Ubuntu package fonts-dejavu-core (apt-get install fonts-dejavu-core).");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var mono = familyName.Contains("Mono", StringComparison.OrdinalIgnoreCase)
            || familyName.Contains("Courier", StringComparison.OrdinalIgnoreCase);
        var face = (mono ? "DejaVuSansMono" : "DejaVuSans") + (bold, italic) switch
        {
            (true, true) => "-BoldOblique",
            (true, false) => "-Bold",
            (false, true) => "-Oblique",
            _ => string.Empty,
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) =>
        _cache.GetOrAdd(faceName, name =>
        {
            var path = Path.Combine(Directory, name + ".ttf");
            if (!File.Exists(path))
            {
                RequireFonts(Directory);
                throw Fail.NativeLibraryMissing("The report font " + path, "Install fonts-dejavu-core.");
            }

            return File.ReadAllBytes(path);
        });
}

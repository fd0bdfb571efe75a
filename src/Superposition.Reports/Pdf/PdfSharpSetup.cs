using PdfSharp.Fonts;

namespace Superposition.Reports.Pdf;

/// <summary>
/// One-time, process-wide PDFsharp set-up: install the DejaVu font resolver (PDFsharp 6.2, MIT, needs no
/// licence call). PDFsharp allows a font resolver to be set once per
/// process, so this is the only place that does it.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            DejaVuFontResolver.RequireFonts(DejaVuFontResolver.DefaultDirectory);
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(DejaVuFontResolver.DefaultDirectory);
            }

            _done = true;
        }
    }
}

using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Superposition.Reports.Pdf;

/// <summary>
/// The vertical cursor of the PDF layout: which page is open, where the next block goes, and when to start
/// a new page. Coordinates are points from the top-left corner of the page.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private XGraphics? _graphics;

    public PdfPageFlow(PdfDocument document, double margin)
    {
        _document = document;
        Margin = margin;
        NewPage();
    }

    public double Margin { get; }

    public double PageWidth { get; private set; }

    public double PageHeight { get; private set; }

    public double Left => Margin;

    public double ContentWidth => PageWidth - (2 * Margin);

    public double Top => Margin;

    public double Bottom => PageHeight - Margin;

    public double ContentHeight => Bottom - Top;

    /// <summary>Where the next block starts.</summary>
    public double Y { get; set; }

    public XGraphics Graphics => _graphics ?? throw Fail.Internal("no open PDF page");

    /// <summary>True while nothing has been drawn on the current page.</summary>
    public bool PageIsEmpty => Y <= Top + 0.01;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Portrait;
        PageWidth = page.Width.Point;
        PageHeight = page.Height.Point;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits (an empty page always "fits").</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom + 0.01 && !PageIsEmpty)
        {
            NewPage();
        }
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}

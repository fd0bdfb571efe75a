namespace Superposition.Reports.Pdf;

/// <summary>Page geometry and type sizes of <see cref="PdfReportRenderer"/>. Pages are A4 portrait.</summary>
/// <param name="Margin">Left/right margin and the distance of the body from the top and bottom edges, in
/// points (default 56.7 pt = 2 cm). Header and footer sit inside the top and bottom margins.</param>
/// <param name="BodyFontSize">Paragraph text size in points (default 9.5); headings and tables scale from it.</param>
/// <param name="CreationDate">Recorded in the PDF's document information; null uses the current time.
/// The bytes still differ between runs: PDFsharp draws random font-subset tags and document IDs.
/// Page content (text, drawing commands) is the same for the same document.</param>
public sealed record PdfReportOptions(double Margin = 56.7, double BodyFontSize = 9.5, DateTimeOffset? CreationDate = null);

namespace Superposition.Reports.Content;

/// <summary>A chart with an optional caption below it.</summary>
/// <param name="Chart">What to draw.</param>
/// <param name="Caption">Shown under the chart, with the chart's data notes (skipped values) appended.</param>
/// <param name="AspectRatio">Height divided by width of the drawing (default 0.6).</param>
public sealed record ChartBlock(Charts.Chart Chart, string? Caption = null, double AspectRatio = 0.6) : Block;

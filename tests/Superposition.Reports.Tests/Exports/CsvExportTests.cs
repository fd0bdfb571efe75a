using System.Globalization;
using Superposition.Reports.Exports;
using Superposition.Reports.Tests.Baselines;

namespace Superposition.Reports.Tests.Exports;

public sealed class CsvExportTests
{
    /// <summary>The header as documented for scripts, written down independently of the code.</summary>
    private static readonly string[] Header =
    [
        "name", "status", "reason", "op", "layer", "shape", "dtype", "orientation", "features", "hidden", "rank", "lambdaMax",
        "sumD", "capacityRatio", "dimsPerFeature", "localizedFraction", "tightness", "framePotential", "maxCoherence",
        "meanSquaredCoherence", "welchBound", "alpha", "alphaSigma", "alphaStatus", "quality", "stableRank", "mpSpikes",
        "identityResidual", "seconds",
    ];

    [Fact]
    public void Header_is_the_documented_column_order()
    {
        var csv = CsvExport.Write(TestFrames.Model(TestFrames.Layer("a", 12, 3, TestFrames.Gaussian(12, 3, 1))));
        Assert.Equal(string.Join(',', Header), csv.Split('\n')[0].TrimEnd('\r'));
    }

    [Theory]
    [InlineData(12, 3)]
    [InlineData(30, 7)]
    public void Every_named_column_holds_its_own_quantity(int n, int m)
    {
        // Values differ from column to column (n ≠ m, ΣD ≠ ΣD/m, ...), so a swapped column is caught.
        var layer = TestFrames.Layer("layer.w", n, m, TestFrames.Gaussian(n, m, n));
        var a = layer.Analysis;
        var rows = CsvExport.Write(TestFrames.Model(layer)).Split('\n').Select(r => r.TrimEnd('\r')).Where(r => r.Length > 0).ToList();
        var cells = rows[1].Split(',');
        string Cell(string column) => cells[Array.IndexOf(Header, column)];
        double Number(string column) => double.Parse(Cell(column), CultureInfo.InvariantCulture);

        Assert.Equal("layer.w", Cell("name"));
        Assert.Equal("analysed", Cell("status"));
        Assert.Equal($"{m}x{n}", Cell("shape"));
        Assert.Equal(n, Number("features"));
        Assert.Equal(m, Number("hidden"));
        Assert.Equal(a.Spectrum.Rank, Number("rank"));
        Assert.Equal(a.Spectrum.LambdaMax, Number("lambdaMax"));
        Assert.Equal(a.Capacity.SumDimensionality, Number("sumD"));
        Assert.Equal(a.Capacity.SumDimensionality / m, Number("capacityRatio"), 12);
        Assert.Equal(a.Capacity.DimensionsPerFeature, Number("dimsPerFeature"));
        Assert.Equal(a.Localization.OnEigenspaces.LocalizedFraction, Number("localizedFraction"));
        Assert.Equal(a.Geometry.Tightness, Number("tightness"));
        Assert.Equal(a.Geometry.FramePotential, Number("framePotential"));
        Assert.Equal(a.Coherence.MaxCoherence!.Value, Number("maxCoherence"));
        Assert.Equal(a.Coherence.MeanSquaredCoherence!.Value, Number("meanSquaredCoherence"));
        Assert.Equal(Math.Sqrt((n - m) / (double)(m * (n - 1))), Number("welchBound"), 12);
        Assert.Equal(a.Capacity.IdentityResidual, Number("identityResidual"));
        Assert.Equal(Header.Length, cells.Length);
    }

    [Fact]
    public void Skipped_tensor_row_has_its_reason_and_empty_measures()
    {
        var model = TestFrames.Model(TestFrames.Layer("a", 12, 3, TestFrames.Gaussian(12, 3, 1))) with
        {
            Skipped = [new Spectral.Pipeline.SkippedLayer("bn.scale", "BatchNormalization", [64], "float32", "1-D tensor (bias, scale or norm)")],
        };
        var row = CsvExport.Write(model).Split('\n')[2].TrimEnd('\r');
        Assert.Equal("bn.scale,skipped,\"1-D tensor (bias, scale or norm)\",BatchNormalization,,64,float32" + new string(',', Header.Length - 7), row);
    }
}

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>
/// Fastest time of an operation divided by the fastest time of the GEMM of the same size, backend and
/// precision in the same run: a machine-independent "how many GEMMs is this" figure. Minimums, because on a
/// shared machine the fastest run is the least disturbed one.
/// </summary>
public sealed class GemmRatioColumn : IColumn
{
    public string Id => nameof(GemmRatioColumn);

    public string ColumnName => "vs GEMM";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Min divided by the Min of the same-size, same-backend, same-precision GEMM";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.WorkloadMethod.Name.StartsWith("Gemm", StringComparison.Ordinal));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var gemmName = method.Contains("32", StringComparison.Ordinal) ? "Gemm32" : "Gemm64";
        var own = Fastest(summary, benchmarkCase);
        var gemm = summary.BenchmarksCases
            .Where(c => c.Descriptor.WorkloadMethod.Name == gemmName && c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo)
            .Select(c => Fastest(summary, c))
            .FirstOrDefault(m => m is not null);
        return own is null || gemm is null || gemm == 0 ? "-" : (own.Value / gemm.Value).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;

    private static double? Fastest(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Min;
}

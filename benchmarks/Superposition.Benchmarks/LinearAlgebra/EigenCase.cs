namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>One backend at one matrix size; printed as the "Case" column, e.g. "native 1024".</summary>
public sealed record EigenCase(string Backend, int N)
{
    public override string ToString() => Backend + " " + N.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

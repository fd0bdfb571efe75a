#:property PublishAot=false
#:project ../../src/Superposition.Spectral/Superposition.Spectral.csproj

// One native (LAPACK via P/Invoke) symmetric eigendecomposition timing, the C# half of native_vs_numpy.sh.
// Usage: dotnet run benchmarks/reference/native_eigh.cs -- N values|vectors float64|float32 REPS
// Same matrix as EigenBenchmarks and numpy_eigh.py (SplitMix64 of seed + i + j*n, i >= j, in [-1, 1)).
// Prints "native N OP DTYPE min_seconds mean_seconds" after one untimed warm-up.
using System.Diagnostics;
using System.Globalization;
using Superposition.Spectral.LinearAlgebra;

var n = int.Parse(args[0], CultureInfo.InvariantCulture);
var vectors = args[1] == "vectors";
var single = args[2] == "float32";
var reps = int.Parse(args[3], CultureInfo.InvariantCulture);
var backend = LinearAlgebraBackends.Create(BackendChoice.Native);
var matrix = Symmetric(n, 20260101);
var matrix32 = matrix.Select(x => (float)x).ToArray();

var times = new List<double>();
for (var r = 0; r <= reps; r++)
{
    var work = (double[])matrix.Clone();
    var work32 = (float[])matrix32.Clone();
    var clock = Stopwatch.StartNew();
    if (single)
    {
        backend.SymmetricEigen(n, work32, new float[n], vectors);
    }
    else
    {
        backend.SymmetricEigen(n, work, new double[n], vectors);
    }

    if (r > 0)
    {
        times.Add(clock.Elapsed.TotalSeconds);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"native {n} {args[1]} {args[2]} {times.Min():F4} {times.Average():F4}"));

static double[] Symmetric(int n, ulong seed)
{
    var a = new double[n * n];
    for (var j = 0; j < n; j++)
    {
        for (var i = j; i < n; i++)
        {
            var z = unchecked((seed + (ulong)i + ((ulong)j * (ulong)n)) * 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            a[i + (j * n)] = a[j + (i * n)] = ((z >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;
        }
    }

    return a;
}

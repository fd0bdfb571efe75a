using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Leverage ℓ_i = Σ_{k &lt; r} V_ik² from orthonormal right singular vectors of W (MATH.md section 1). The
/// pseudo-inverse route Σ (u_kᵀ w_i)²/λ_k loses accuracy on ill-conditioned layers, so it is not used.
/// </summary>
internal static class Leverage
{
    public const string SvdMethod = "thin SVD of Wᵀ (n × m): right singular vectors of W";

    public const string GramMethod = "eigenvectors of the Gram matrix Wᵀ W (n × n, used because n < m)";

    /// <summary>Leverage of each live feature using the top <paramref name="spectrum"/>.Rank singular directions.</summary>
    public static (double[] Values, string Method) Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum)
    {
        var m = frame.M;
        var n = frame.N;
        var rank = spectrum.Rank;
        var leverage = new double[n];
        if (spectrum.GramVectors is { } gramVectors)
        {
            // n < m: V are the eigenvectors of the n × n Gram the spectrum already decomposed (descending).
            AddSquares(leverage, gramVectors, n, Math.Min(rank, n));
            return (leverage, GramMethod);
        }

        // Wᵀ column-major (n × m) is W read row-major: element (i, k) = W[k, i].
        var transposed = new double[(long)n * m];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < m; k++)
            {
                transposed[i + ((long)k * n)] = frame.Weights[k + ((long)i * m)];
            }
        }

        var singular = new double[m];
        var v = new double[(long)n * m];
        backend.ThinSvd(n, m, transposed, singular, v);
        AddSquares(leverage, v, n, rank);
        return (leverage, SvdMethod);
    }

    /// <summary>ℓ_i += Σ_{k &lt; columns} V_ik² over the first columns of the n-row matrix V.</summary>
    private static void AddSquares(double[] leverage, double[] v, int n, int columns)
    {
        for (var k = 0; k < columns; k++)
        {
            var column = v.AsSpan(k * n, n);
            for (var i = 0; i < n; i++)
            {
                leverage[i] += column[i] * column[i];
            }
        }
    }
}

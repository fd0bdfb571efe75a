using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Leverage ℓ_i = Σ_{k &lt; r} V_ik² (MATH.md section 1) from an orthonormal basis of W's row space, never from the
/// eigenvectors of the formed F alone: the pseudo-inverse route Σ (u_kᵀ w_i)²/λ_k loses accuracy on ill-conditioned
/// layers. With n ≥ m and a native LAPACK: F's eigenbasis whitened and refined by one Cholesky pass over W
/// (<see cref="LeverageEigenbasis"/>, its first pass folded into the measures), falling back to CholeskyQR2 and then a
/// streamed Householder LQ (<see cref="LeverageLq"/>); no n × m copy. Otherwise the thin SVD of Wᵀ (n × m) or, for
/// n &lt; m, the Gram eigenvectors the spectrum already holds.
/// </summary>
internal static class Leverage
{
    public const string SvdMethod = "thin SVD of Wᵀ (n × m): right singular vectors of W";

    public const string GramMethod = "eigenvectors of the Gram matrix Wᵀ W (n × n, used because n < m)";

    public const string CholeskyQr2Method = "CholeskyQR2 on blocks (W = L₁L₂ Q, two Cholesky passes; full rank, cond(W) < 1e4): ℓ_i = ‖L₂⁻¹ L₁⁻¹ w_i‖²";

    public const string EigenbasisMethod = "eigenbasis of F whitened, y_i = Λ_r^(−1/2) U_rᵀ w_i, refined by one Cholesky pass: ℓ_i = ‖L⁻¹ y_i‖², L Lᵀ = Y Yᵀ; the refinement is skipped (ℓ_i = ‖y_i‖², within 1e-11 of the refined value, relative) when ‖Y Yᵀ − I‖_F ≤ 1e-11";

    public const string LqMethod = "streamed LQ factorisation W = L Q (L built block by block): ℓ_i = ‖L⁻¹ w_i‖²";

    public const string LqSvdMethod = "streamed LQ factorisation W = L Q, then the SVD of L (m × m, rank-deficient): ℓ_i = Σ_{k<r} (u_kᵀ w_i / σ_k)²";

    /// <summary>Leverage of each live feature using the top <paramref name="spectrum"/>.Rank singular directions.</summary>
    /// <summary>The whitened Gram to fold into the measures' projection pass, when the refined eigenbasis route will run; else null.</summary>
    public static WhitenedGram? FoldableGram(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, int blockSize) =>
        spectrum.FrameVectors is not null && BlockKernels.For(backend).SupportsLq ? new WhitenedGram(spectrum, blockSize, frame.N) : null;

    public static (double[] Values, string Method) Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, int blockSize = 1024, WhitenedGram? whitened = null)
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

        var kernels = BlockKernels.For(backend);
        if (kernels.SupportsLq)
        {
            return LeverageLq.Compute(backend, kernels, frame, spectrum, blockSize, whitened);
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

using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>One feature's spectral-measure drift.</summary>
/// <param name="Feature">Input index of the feature.</param>
/// <param name="Distance">W₁(μ_i^A, μ_i^B) on the ln λ axis (nats).</param>
/// <param name="CentreA">exp(Σ_k p_ik ln λ_k) in A: the eigenvalue at the centre of the measure on the log axis.</param>
/// <param name="CentreB">The same in B.</param>
public sealed record MovedMeasure(int Feature, double Distance, double CentreA, double CentreB);

/// <summary>
/// Per-feature drift of the spectral measure between two frames with the same features (docs/methods.md,
/// "Spectral-measure drift"): the 1-Wasserstein distance between μ_i^A and μ_i^B, each a probability measure on the
/// natural log of its own model's eigenvalues. Basis-free: an orthogonal change of the hidden space moves nothing.
/// </summary>
/// <param name="Distances">W₁ of every feature live in both frames, in feature order.</param>
/// <param name="Mean">Mean W₁.</param>
/// <param name="Max">Largest W₁.</param>
/// <param name="MostMoved">The features with the largest W₁, largest first.</param>
/// <param name="Floor">Where eigenvalues counted as zero sit on the common axis: min(ζ_A, ζ_B), ζ = ZeroEigenvalueTolerance · λ_max.</param>
/// <param name="Excluded">Features dead in A or in B (not compared).</param>
public sealed record SpectralMeasureDrift(IReadOnlyList<double> Distances, double Mean, double Max, IReadOnlyList<MovedMeasure> MostMoved, double Floor, int Excluded)
{
    /// <summary>Features per block of the Uᵀ W products (bounds the extra memory to m × this doubles).</summary>
    private const int Block = 1024;

    /// <summary>
    /// The drift of every feature live in both frames; null when the feature counts differ or no feature is live in
    /// both. <paramref name="basisA"/> and <paramref name="basisB"/> are the eigenbases of the two frames' F.
    /// </summary>
    public static SpectralMeasureDrift? Of(LayerAnalysis a, double[] weightsA, FrameEigenbasis basisA, LayerAnalysis b, double[] weightsB, FrameEigenbasis basisB, ILinearAlgebraBackend backend, int mostMoved)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(basisA);
        ArgumentNullException.ThrowIfNull(basisB);
        ArgumentNullException.ThrowIfNull(backend);
        int n = a.Features;
        if (n != b.Features || a.Analysis.Spectrum.LambdaMax <= 0 || b.Analysis.Spectrum.LambdaMax <= 0) return null;
        var dead = a.Analysis.DeadFeatures.Concat(b.Analysis.DeadFeatures).ToHashSet();
        double zetaA = a.Analysis.Options.ZeroEigenvalueTolerance * basisA.Eigenvalues[0];
        double zetaB = b.Analysis.Options.ZeroEigenvalueTolerance * basisB.Eigenvalues[0];
        double floor = Math.Min(zetaA, zetaB);
        var positionsA = LogAxis(basisA.Eigenvalues, zetaA, floor);
        var positionsB = LogAxis(basisB.Eigenvalues, zetaB, floor);
        var sideA = new Side(a.Hidden, weightsA, basisA, backend);
        var sideB = new Side(b.Hidden, weightsB, basisB, backend);
        var distances = new List<double>(n);
        var moved = new List<MovedMeasure>(n);
        var massA = new double[a.Hidden];
        var massB = new double[b.Hidden];
        for (int start = 0; start < n; start += Block)
        {
            int count = Math.Min(Block, n - start);
            sideA.Project(start, count);
            sideB.Project(start, count);
            for (int c = 0; c < count; c++)
            {
                int feature = start + c;
                if (dead.Contains(feature)) continue;
                sideA.Masses(c, massA);
                sideB.Masses(c, massB);
                double distance = Wasserstein.OnLine(positionsA, massA, positionsB, massB);
                distances.Add(distance);
                moved.Add(new MovedMeasure(feature, distance, Centre(positionsA, massA), Centre(positionsB, massB)));
            }
        }

        if (distances.Count == 0) return null;
        var most = moved.OrderByDescending(x => x.Distance).ThenBy(x => x.Feature).Take(Math.Max(0, mostMoved)).ToList();
        return new SpectralMeasureDrift(distances, distances.Average(), distances.Max(), most, floor, n - distances.Count);
    }

    /// <summary>ln λ_k in ascending order (the basis holds them descending); eigenvalues counted as zero sit at ln floor.</summary>
    private static double[] LogAxis(double[] descending, double zeta, double floor)
    {
        var axis = new double[descending.Length];
        for (int k = 0; k < descending.Length; k++)
        {
            double lambda = descending[descending.Length - 1 - k];
            axis[k] = Math.Log(lambda > zeta ? lambda : floor);
        }

        return axis;
    }

    /// <summary>exp of the measure's mean on the log axis (masses normalised).</summary>
    private static double Centre(double[] positions, double[] masses)
    {
        double sum = 0, total = 0;
        for (int k = 0; k < positions.Length; k++)
        {
            sum += masses[k] * positions[k];
            total += masses[k];
        }

        return Math.Exp(sum / total);
    }

    /// <summary>One frame's projections c = Uᵀ w_i for a block of features, read back as masses on the ascending axis.</summary>
    private sealed class Side(int m, double[] weights, FrameEigenbasis basis, ILinearAlgebraBackend backend)
    {
        private double[] _projected = [];

        public void Project(int start, int count)
        {
            var columns = new double[m * count];
            Array.Copy(weights, (long)start * m, columns, 0, (long)count * m);
            if (_projected.Length != columns.Length) _projected = new double[columns.Length];
            backend.Gemm(true, false, m, count, m, basis.Vectors, columns, _projected);
        }

        /// <summary>p_ik = (u_kᵀ w_i)² for k ascending by eigenvalue (the basis is descending); normalised by the caller's W₁.</summary>
        public void Masses(int column, double[] masses)
        {
            for (int k = 0; k < m; k++)
            {
                double c = _projected[(column * m) + (m - 1 - k)];
                masses[k] = c * c;
            }
        }
    }
}

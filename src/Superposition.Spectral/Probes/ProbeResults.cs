namespace Superposition.Spectral.Probes;

// The result records of an activation probe. They live below Runtime (which fills them from ONNX Runtime runs) so
// that Reports can print and export them without depending on the runtime binding.

/// <summary>What a probe measured on one intermediate tensor.</summary>
/// <param name="Name">The value's name in the graph.</param>
/// <param name="ProducedBy">The op that produces it.</param>
/// <param name="Samples">Rows: every run, batch and position.</param>
/// <param name="Features">Size of the feature axis.</param>
/// <param name="CovarianceEigenvalues">Eigenvalues of the activation covariance, descending (at most min(samples − 1, features) nonzero).</param>
/// <param name="Decay">Power-law decay of those eigenvalues, λ_k ∝ k^(−β).</param>
/// <param name="Frequency">How often each channel is active.</param>
/// <param name="ReadBy">Overlap of the activations' principal subspace with the frame of each layer that reads the tensor.</param>
public sealed record TensorProbe(
    string Name,
    string ProducedBy,
    int Samples,
    int Features,
    IReadOnlyList<double> CovarianceEigenvalues,
    DecayFit Decay,
    ActivationFrequency Frequency,
    IReadOnlyList<FrameOverlap> ReadBy);

/// <summary>Least-squares fit of log λ_k = c − β log k over ranks [WindowStart, WindowEnd] (1-based).</summary>
public sealed record DecayFit(bool Succeeded, string? Reason, double? Exponent, double? StandardError, double? RSquared, int WindowStart, int WindowEnd);

/// <summary>
/// Per-channel activation frequency: the share of samples where |x| exceeds <paramref name="Threshold"/> (relative to
/// the tensor's largest |x|). Post-ReLU tensors show their sparsity here; pre-activation tensors are near 1.
/// </summary>
public sealed record ActivationFrequency(
    double Threshold,
    double Mean,
    double Median,
    double Min,
    double Max,
    int DeadChannels,
    int AlwaysActiveChannels,
    IReadOnlyList<double> HistogramEdges,
    IReadOnlyList<int> HistogramCounts);

/// <summary>A layer reading the tensor, and how its frame's top eigenspaces line up with the activations' principal subspace.</summary>
/// <param name="Weight">The weight matrix.</param>
/// <param name="Layer">The reading node.</param>
/// <param name="Op">Its op.</param>
/// <param name="Overlaps">Overlap at several subspace dimensions k.</param>
/// <param name="Note">Why no overlap could be computed (e.g. a conv kernel lives in R^(in·kh·kw)), else null.</param>
public sealed record FrameOverlap(string Weight, string Layer, string Op, IReadOnlyList<SubspaceOverlap> Overlaps, string? Note);

/// <summary>
/// ‖U_kᵀ P_k‖_F² / k: the mean squared cosine of the principal angles between the top-k eigenvectors U of the
/// frame operator and the top-k principal directions P of the activations (1 = same subspace); random k-dimensional
/// subspaces of R^d give k/d on average.
/// </summary>
public sealed record SubspaceOverlap(int K, double Overlap, double RandomBaseline);

/// <summary>A probe of several tensors of one model.</summary>
public sealed record ProbeReport(string Model, string Runtime, string Backend, string Inputs, int Seed, IReadOnlyList<TensorProbe> Tensors, IReadOnlyList<string> Skipped);

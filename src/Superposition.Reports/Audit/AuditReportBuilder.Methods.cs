using Superposition.Reports.Model;

namespace Superposition.Reports.Audit;

public static partial class AuditReportBuilder
{
    private static Section Methods(AuditInput input)
    {
        var o = input.Analysis.Options;
        var a = o.Analysis;
        var blocks = new List<Block>
        {
            Paragraph.Plain("Every number in this report is computed from the weights by the formulas below (docs/methods.md in the Superposition repository gives each with its source paper, the function that computes it and its test). Decompositions run in double precision."),
            new Heading("Frames"),
            Paragraph.FromMarkup($"A weight tensor becomes an m × n matrix W whose n columns w_i are the features; by default the larger side holds the features (orientation used: **{o.Orientation.ToString().ToLowerInvariant()}**). MatMul weights are stored [in, out], Gemm with transB = 1 [out, in], Conv kernels give filters in R^(in·kh·kw), LSTM/GRU weights are split per gate, Gather tables give one feature per row."),
            new Formula("F = W Wᵀ = Σ_i w_i w_iᵀ,   λ_k = σ_k²,   p_{ik} = (u_kᵀ w_i)² / ‖w_i‖²"),
            new Heading("Spectral measure and localization (Ivanov et al., Spectral Superposition)"),
            new Formula("μ_i(λ) = ‖P_λ w_i‖² / ‖w_i‖²,   q_i = max μ_i,   H_i = −Σ μ ln μ,   PR_i = 1 / Σ μ²"),
            new Formula("κ_i = w_iᵀ F w_i / ‖w_i‖²,   s_i = √(Σ_k λ_k² p_{ik} − κ_i²),   ℓ_i = Σ_{k: σ_k>0} V_{ik}²"),
            new Heading("Superposition (Elhage et al., Toy Models of Superposition)"),
            new Formula("D_i = ‖w_i‖⁴ / Σ_j (w_i·w_j)² = ‖w_i‖² / κ_i,   D* = m / ‖W‖_F²"),
            new Formula("m − Σ_i D_i = (m − r) + Σ_i (ℓ_i − D_i),   D_i ≤ ℓ_i"),
            new Heading("Frame geometry"),
            new Formula("τ = m Σλ² / (Σλ)² − 1,   FP = Σ_{ij} (w_i·w_j)² = Σ λ² ≥ (tr F)² / m"),
            new Formula("μ_max = max_{i≠j} |ŵ_i·ŵ_j| ≥ √((n − m) / (m (n − 1)))   (Welch bound)"),
            new Heading("Heavy-tailed spectra (Martin & Mahoney; WeightWatcher)"),
            new Formula("α = 1 + n / Σ ln(λ / x_{min}),   D_{KS} = max_j |1 − (λ_j / x_{min})^{1−α} − j/n|,   σ_α = (α − 1) / √n"),
            new Formula("λ_± = σ² (1 ± 1/√Q)²,   σ² = ‖W‖_F² / (N M),   Q = N / M"),
            new Heading("Tolerances and seeds"),
            new KeyValueList(
            [
                new("eigenspace grouping", $"consecutive eigenvalues within {F(a.EigenspaceTolerance)} · λ_max"),
                new("zero eigenvalue", $"≤ {F(a.ZeroEigenvalueTolerance)} · λ_max"),
                new("dead feature", $"‖w‖² ≤ {F(a.DeadFeatureNormSquared)}"),
                new("localized", $"q ≥ {F(a.LocalizedThreshold)}"),
                new("log bins", $"{a.SpectralBins} between the smallest positive and the largest eigenvalue"),
                new("coherence", $"all pairs up to {a.Coherence.ExactFeatureLimit} features, else {a.Coherence.SampleSize} sampled features (seed {a.Coherence.Seed}); near-duplicates at |cos| ≥ {F(a.Coherence.DuplicateThreshold)}"),
                new("power-law fit", $"eigenvalues above {F(a.HeavyTail.EigenvalueFloor)}, tail of at least {a.HeavyTail.MinTailSize}; bands α < {F(a.HeavyTail.OverfitAlpha)} over-fit, α > {F(a.HeavyTail.UndertrainedAlpha)} under-trained"),
                new("shuffled-weights null", $"seed {a.HeavyTail.ShuffleSeed}"),
                new("polytope matching", $"cosines to ± {F(a.Polytopes.CosineTolerance)}"),
                new("toy comparison", "earth mover's distance of log10 D_i + |Δ ΣD/m| + |Δ localized share| + |Δ log10(1 + τ)|; close < 0.15, loose < 0.4"),
            ]),
            new Heading("References"),
            Paragraph.Plain("Elhage et al., Toy Models of Superposition (2022). Ivanov et al., Spectral Superposition. Martin & Mahoney, Implicit Self-Regularization in Deep Neural Networks (2021), and the WeightWatcher tool. Chen, Chen, Liu & Gore, Superposition unifies power-law training dynamics. Menet et al., MIMONets: multiple-input multiple-output neural networks exploiting computation in superposition (2023). Welch, Lower bounds on the maximum cross correlation of signals (1974)."),
        };
        return new Section("Methods", blocks);
    }
}

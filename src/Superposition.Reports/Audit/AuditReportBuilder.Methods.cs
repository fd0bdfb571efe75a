using Superposition.Reports.Content;

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
            new Formula("D_i = ‖w_i‖⁴ / Σ_j (w_i·w_j)² = ‖w_i‖² / κ_i,   D* = m / ‖W‖_F²,   D*_scale-free = m · mean ‖w_i‖² / ‖W‖_F² = m / n"),
            new Formula("m − Σ_i D_i = (m − r) + Σ_i (ℓ_i − D_i),   D_i ≤ ℓ_i"),
            new Heading("Frame geometry"),
            new Formula("τ = m Σλ² / (Σλ)² − 1,   FP = Σ_{ij} (w_i·w_j)² = Σ λ² ≥ (tr F)² / m"),
            new Formula("μ_max = max_{i≠j} |ŵ_i·ŵ_j| ≥ √((n − m) / (m (n − 1)))   (Welch bound)"),
            new Formula("τ_C = k tr(F_C²) / tr(F_C)² − 1,   F_C = B Bᵀ,   B = U_λᵀ W_C   (a cluster C in a k-dimensional eigenspace)"),
            Paragraph.Plain("A polytope is named only when the cluster passes the association-scheme test: the relation matrices A_c (1 where ŵ_i·ŵ_j ≈ c, the diagonal included) have constant row sums, the identity is one of them, every product A_a A_b is constant on each relation, and for a tight cluster (k / tr F_C)·BᵀB is idempotent. A cosine match without it is reported as \"cosine pattern of …\"."),
            new Heading("Heavy-tailed spectra (Martin & Mahoney; WeightWatcher)"),
            new Formula("α = 1 + n / Σ ln(λ / x_{min}),   D_{KS} = max_j |1 − (λ_j / x_{min})^{1−α} − j/n|,   σ_α = (α − 1) / √n"),
            new Formula("λ_± = σ² (1 ± 1/√Q)²,   σ² = ‖W‖_F² / (N M),   Q = N / M"),
            new Formula("spikes: λ > λ+ + √(Q^{−1/2} λ+^{2/3} M^{−2/3})   (σ fitted to the density as WeightWatcher's mp_fit)"),
            new Formula("JS = √((KL(p ‖ m) + KL(q ‖ m)) / 2),   p, q = sorted ESD and shuffled ESD normalised to 1,   m = (p + q) / 2"),
            new Heading("Tolerances and seeds"),
            new KeyValueList(
            [
                new("eigenspace grouping", a.Grouping == Spectral.Measures.EigenspaceGrouping.Gaps
                    ? $"relative gaps (default): a run is one eigenspace when its spread ln(λ_first/λ_last) ≤ {F(a.MaxGroupSpread)} and {F(a.GapRatio)}× it is at most the log-gaps to its neighbours; differences ≤ {F(a.EigenspaceTolerance)} · λ_max always merge (--eigenspace-grouping fixed: one tolerance)"
                    : $"fixed: consecutive eigenvalues within {F(a.EigenspaceTolerance)} · λ_max (--eigenspace-grouping gaps is the default)"),
                new("grouping sensitivity", a.GroupingSensitivity ? "localized share re-counted under gap grouping and fixed tolerances 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1 (default on)" : "off"),
                new("zero eigenvalue", $"≤ {F(a.ZeroEigenvalueTolerance)} · λ_max"),
                new("dead feature", $"‖w‖² ≤ {F(a.DeadFeatureNormSquared)}"),
                new("localized", $"q ≥ {F(a.LocalizedThreshold)}"),
                new("log bins", $"{a.SpectralBins} between the smallest positive and the largest eigenvalue"),
                new("coherence", $"all pairs up to {a.Coherence.ExactFeatureLimit} features, else {a.Coherence.SampleSize} sampled features (seed {a.Coherence.Seed}); near-duplicates at |cos| ≥ {F(a.Coherence.DuplicateThreshold)}"),
                new("power-law fit", (a.HeavyTail.XMinRule == Spectral.Measures.XMinRule.WeightWatcher
                        ? $"eigenvalues above {F(a.HeavyTail.EigenvalueFloor)}; WeightWatcher 0.7.5.5's rule (default): every eigenvalue but the largest is a candidate x_min (--xmin-rule minimum-tail: tails of at least {a.HeavyTail.MinTailSize})"
                        : $"eigenvalues above {F(a.HeavyTail.EigenvalueFloor)}; minimum-tail rule: tails of at least {a.HeavyTail.MinTailSize} (WeightWatcher's rule is the default)")
                    + $"; tails shorter than {a.HeavyTail.LowConfidenceTail} flagged low-confidence; bands α < {F(a.HeavyTail.OverfitAlpha)} over-fit, α > {F(a.HeavyTail.UndertrainedAlpha)} under-trained"),
                new("MP fit", a.HeavyTail.MarchenkoPasturFit ? "σ fitted to a linear-kernel density (bandwidth 0.1 on the ESD rescaled to mean 1), grid over [0.05, 2)·σ₀ then Nelder–Mead, as WeightWatcher's mp_fit (default on)" : "off"),
                new("conv kernels", a.HeavyTail.ConvKernels == Spectral.Measures.ConvKernels.Slices
                    ? "flattened filters, and WeightWatcher's kh·kw slices [out, in] × sqrt(1/2) with pooled eigenvalues (--conv-slices)"
                    : "flattened: out filters in R^(in·kh·kw) (--conv-slices adds WeightWatcher's per-slice view)"),
                new("shuffled-weights null", $"seed {a.HeavyTail.ShuffleSeed}; 5 shuffles pooled for the trap count below 100 eigenvalues"),
                new("polytope matching", $"cosines to ± {F(a.Polytopes.CosineTolerance)}; a cluster is tight when τ_C ≤ {F(a.Polytopes.ClusterTightTolerance)} and it spans its eigenspace; idempotency to {F(a.Polytopes.IdempotencyTolerance)}"),
                new("toy comparison", $"earth mover's distance of log10(D_i·n/m) + |Δ ΣD/m| + |Δ log10(1 + τ)| + |Δ log10(1 + c)| (the localized share is shown, not summed: it depends on the eigenspace grouping), c = (mean cos² − Welch²)/(1/m − Welch²); {Baselines.Interpretation.BandsSentence()}"),
                new("toy baselines", input.Comparison is { } c ? $"the layer's n/m with m ≤ {c.Settings.HiddenCap} (n ≤ {c.Settings.MaxFeatures}), constant importance, {c.Settings.Steps} steps, batch {c.Settings.BatchSize}, feature probabilities {string.Join(", ", c.Settings.FeatureProbabilities.Select(p => F(p)))}, {c.Settings.Runs} runs (seed {c.Settings.Seed}); interval: every p within the runs' median spread of the best distance" : "not used"),
                new("null models", $"the layer's entries shuffled, and Gaussian frames of the same shape and Frobenius norm (seeds from {Baselines.NullModels.BaseSeed}); {Baselines.Interpretation.StructuredSentence()}"),
            ]),
            new Heading("References"),
            Paragraph.Plain("Elhage et al., Toy Models of Superposition (2022). Ivanov et al., Spectral Superposition. Martin & Mahoney, Implicit Self-Regularization in Deep Neural Networks (2021), and the WeightWatcher tool. Chen, Chen, Liu & Gore, Superposition unifies power-law training dynamics. Menet et al., MIMONets: multiple-input multiple-output neural networks exploiting computation in superposition (2023). Welch, Lower bounds on the maximum cross correlation of signals (1974)."),
        };
        return new Section("Methods", blocks);
    }
}

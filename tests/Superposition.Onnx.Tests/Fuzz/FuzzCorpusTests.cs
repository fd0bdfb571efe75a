using Superposition.Fuzz;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Fuzz;

/// <summary>
/// The fuzz campaign's inputs as regression tests: every seed loads, every minimised finding is now answered
/// with a clear error (or a correct load), and the committed seed corpus is what its generator writes.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static string FuzzFolder => Path.Combine(RepoPaths.Root, "fuzz");

    public static TheoryData<string> Regressions() =>
        [.. Directory.EnumerateFiles(Path.Combine(FuzzFolder, "regressions"), "*.onnx").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Minimised_finding_is_answered_without_an_unexpected_exception(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FuzzFolder, "regressions", file));
        // Run throws whatever is not a SuperpositionException; either outcome below is a clear answer.
        LoaderTarget.Run(bytes, FuzzFolder);
    }

    [Fact]
    public void Every_seed_of_the_committed_corpus_loads_and_decodes()
    {
        foreach (var (name, _) in SeedCorpus.Models())
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(FuzzFolder, "corpus", name));
            Assert.True(LoaderTarget.Run(bytes, FuzzFolder), $"seed {name} was rejected");
        }
    }

    [Fact]
    public void Committed_corpus_is_exactly_what_the_generator_writes()
    {
        var committed = Directory.EnumerateFiles(Path.Combine(FuzzFolder, "corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SeedCorpus.Models().Select(m => m.Name).Order(StringComparer.Ordinal), committed);
        foreach (var (name, bytes) in SeedCorpus.Models())
        {
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(FuzzFolder, "corpus", name)));
        }

        Assert.Equal(SeedCorpus.ExternalBytes(), File.ReadAllBytes(Path.Combine(FuzzFolder, SeedCorpus.ExternalFileName)));
    }

    [Fact]
    public void Seeds_cover_every_storage_form_the_loader_reads()
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in SeedCorpus.Models())
        {
            var model = OnnxModelLoader.Load(bytes, name, FuzzFolder);
            foreach (var tensor in model.Tensors)
            {
                forms.Add(tensor.Storage.ToString());
                forms.Add(tensor.Source.ToString());
                if (tensor.DecodedData is not null) forms.Add("dequantized");
            }

            if (model.Tensors.Any(t => t.GraphPath.Length > 0)) forms.Add("subgraph");
        }

        foreach (string form in new[] { "Raw", "Typed", "External", "SparseInitializer", "ConstantNode", "subgraph", "dequantized" })
        {
            Assert.Contains(form, forms);
        }
    }
}

using SharpFuzz;
using Superposition.Fuzz;

// superposition-fuzz: the loader's fuzz target.
//   (no arguments)      run under afl-fuzz (SharpFuzz out-of-process mode), one input per execution
//   seed DIR            write the seed corpus and its external data file into DIR
//   replay PATH...      run files (or every file of folders) through the target; exit 1 on any finding
string externalDirectory = ExternalDirectory();
if (args.Length == 0)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        LoaderTarget.Run(buffer.ToArray(), externalDirectory);
    });
    return 0;
}

switch (args[0])
{
    case "seed" when args.Length == 2:
        SeedCorpus.Write(args[1]);
        File.WriteAllBytes(Path.Combine(args[1], "..", SeedCorpus.ExternalFileName), SeedCorpus.ExternalBytes());
        Console.WriteLine($"wrote {SeedCorpus.Models().Count} seeds into {args[1]}");
        return 0;
    case "replay" when args.Length >= 2:
        return Replay.Run(args[1..], externalDirectory);
    default:
        Console.Error.WriteLine("usage: superposition-fuzz [seed DIR | replay PATH...]");
        return 2;
}

// External seeds point at weights.bin; the fuzz folder keeps one beside the corpus (SUPERPOSITION_FUZZ_DATA
// overrides), so mutated locations resolve against a fixed, small file.
static string ExternalDirectory()
{
    string? configured = Environment.GetEnvironmentVariable("SUPERPOSITION_FUZZ_DATA");
    if (!string.IsNullOrEmpty(configured)) return configured;
    string directory = Path.Combine(Path.GetTempPath(), "superposition-fuzz-data");
    Directory.CreateDirectory(directory);
    string file = Path.Combine(directory, SeedCorpus.ExternalFileName);
    if (!File.Exists(file)) File.WriteAllBytes(file, SeedCorpus.ExternalBytes());
    return directory;
}

using System.Globalization;

namespace Superposition;

/// <summary>
/// The one place that builds domain exceptions, so messages share a shape:
/// "<c>where</c>: what is wrong (expected what)". Callers write <c>throw Fail.InvalidModel(...)</c>.
/// </summary>
public static class Fail
{
    public static SuperpositionException InvalidArgument(string name, object? value, string expected) =>
        new(ErrorKind.InvalidArgument, Invariant($"{name} = '{value}' is not valid: expected {expected}.")) { Subject = name };

    public static SuperpositionException InvalidModel(string file, string problem, Exception? inner = null) =>
        new(ErrorKind.InvalidModel, Invariant($"{file}: {problem}"), inner);

    public static SuperpositionException InvalidTensor(string file, string tensor, string problem) =>
        new(ErrorKind.InvalidModel, Invariant($"{file}: tensor '{tensor}': {problem}"));

    public static SuperpositionException MissingExternalData(string file, string tensor, string problem) =>
        new(ErrorKind.MissingExternalData, Invariant($"{file}: tensor '{tensor}': {problem}"));

    public static SuperpositionException UnsupportedDataType(string file, string tensor, string dataType) =>
        new(ErrorKind.UnsupportedDataType,
            Invariant($"{file}: tensor '{tensor}' has element type {dataType}, which the tool cannot decode (supported: float32, float16, bfloat16, float64, the four float8 types, int4/uint4, int8/16/32/64, uint8/16/32/64, bool)."));

    public static SuperpositionException LayerTooLarge(string layer, long bytesNeeded, long budget) =>
        new(ErrorKind.LayerTooLarge,
            Invariant($"layer '{layer}' needs {Mib(bytesNeeded)} MiB, over the memory budget of {Mib(budget)} MiB."));

    public static SuperpositionException OutputFailed(string file, string problem, Exception? inner = null) =>
        new(ErrorKind.OutputFailed, Invariant($"{file}: cannot write output: {problem}"), inner);

    public static SuperpositionException NativeLibraryMissing(string library, string howToGet) =>
        new(ErrorKind.NativeLibraryMissing, Invariant($"{library} could not be loaded. {howToGet}"));

    public static SuperpositionException RuntimeFailed(string where, string problem) =>
        new(ErrorKind.RuntimeFailed, Invariant($"{where}: {problem}"));

    public static SuperpositionException NumericalFailure(string where, string problem) =>
        new(ErrorKind.NumericalFailure, Invariant($"{where}: {problem}"));

    public static SuperpositionException DegenerateLayer(string layer, int features, int hidden) =>
        new(ErrorKind.DegenerateLayer,
            Invariant($"degenerate layer '{layer}': the weight is all zero ({features} features in R^{hidden}, rank 0, every feature dead); its spectral and superposition measures are undefined and are not reported."));

    public static SuperpositionException Internal(string problem) =>
        new(ErrorKind.Internal, "internal error: " + problem);

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

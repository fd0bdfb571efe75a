using Microsoft.ML.OnnxRuntime;

namespace Superposition.Runtime;

/// <summary>
/// An ONNX Runtime inference session on the CPU, over the managed API of the Microsoft.ML.OnnxRuntime package.
/// Open one from a file or from bytes, look at <see cref="Inputs"/>/<see cref="Outputs"/>, call <c>Run</c> any
/// number of times (also from several threads at once, which ORT allows), and dispose it. Failures throw
/// <see cref="SuperpositionException"/>: RuntimeFailed with ORT's message, NativeLibraryMissing when the package's
/// native library does not load on this platform.
/// </summary>
public sealed partial class OrtSession : IDisposable
{
    private readonly InferenceSession _session;

    private OrtSession(InferenceSession session, string source)
    {
        _session = session;
        Source = source;
        Inputs = Describe(session.InputNames, session.InputMetadata);
        Outputs = Describe(session.OutputNames, session.OutputMetadata);
    }

    /// <summary>The model file, or "(bytes)" / the name given to <see cref="FromBytes"/>.</summary>
    public string Source { get; }

    /// <summary>The inputs to feed (initializers are not listed), in the model's order.</summary>
    public IReadOnlyList<OrtValueInfo> Inputs { get; }

    /// <summary>The outputs, in the model's order.</summary>
    public IReadOnlyList<OrtValueInfo> Outputs { get; }

    /// <summary>True once disposed; the native session is released then.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Creates a session from an ONNX file.</summary>
    public static OrtSession Open(string path, OrtOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Create(path, options, o => new InferenceSession(path, o));
    }

    /// <summary>Creates a session from the bytes of an ONNX model (a serialized ModelProto).</summary>
    public static OrtSession FromBytes(ReadOnlySpan<byte> model, OrtOptions? options = null, string name = "(bytes)")
    {
        var bytes = model.ToArray();
        return Create(name, options, o => new InferenceSession(bytes, o));
    }

    /// <summary>The ONNX Runtime in use: where it comes from and its version ("1.31.1").</summary>
    public static (string Source, string Version) RuntimeInfo() =>
        OrtCall.Guard("ONNX Runtime", () => ("Microsoft.ML.OnnxRuntime package", OrtEnv.Instance().GetVersionString()));

    /// <summary>Releases the native session. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            _session.Dispose();
        }
    }

    public override string ToString() =>
        $"{Source} ({string.Join(", ", Inputs)}) -> ({string.Join(", ", Outputs)})";

    private static OrtSession Create(string source, OrtOptions? options, Func<SessionOptions, InferenceSession> open)
    {
        var settings = options ?? OrtOptions.Default;
        if (settings.IntraOpThreads < 0)
        {
            throw Fail.InvalidArgument("intra-op threads", settings.IntraOpThreads, "0 (ORT chooses) or more");
        }

        if (settings.InterOpThreads < 0)
        {
            throw Fail.InvalidArgument("inter-op threads", settings.InterOpThreads, "0 (ORT chooses) or more");
        }

        return OrtCall.Guard($"{source}: create session", () =>
        {
            using var sessionOptions = new SessionOptions
            {
                IntraOpNumThreads = settings.IntraOpThreads,
                InterOpNumThreads = settings.InterOpThreads,
                GraphOptimizationLevel = (GraphOptimizationLevel)(int)settings.GraphOptimization,
                // Errors reach us as exceptions, so ORT's own log stays quiet.
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            };
            var session = open(sessionOptions);
            try
            {
                return new OrtSession(session, source);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        });
    }
}

using System.Text;
using Superposition.Runtime.Native;

namespace Superposition.Runtime;

/// <summary>
/// An ONNX Runtime inference session on the CPU. Open one from a file or from bytes, look at
/// <see cref="Inputs"/>/<see cref="Outputs"/>, call <c>Run</c> any number of times (also from several
/// threads at once, which ORT allows), and dispose it. Failures throw <see cref="SuperpositionException"/>:
/// NativeLibraryMissing when ONNX Runtime is not installed, RuntimeFailed with ORT's message otherwise.
/// </summary>
public sealed unsafe partial class OrtSession : IDisposable
{
    private readonly OrtEnvironment _environment;
    private readonly OrtHandle _session;

    private OrtSession(OrtEnvironment environment, OrtHandle session, string source)
    {
        _environment = environment;
        _session = session;
        Source = source;
        Inputs = ReadValueInfos(isInput: true);
        Outputs = ReadValueInfos(isInput: false);
    }

    /// <summary>The model file, or "(bytes)" / the name given to <see cref="FromBytes"/>.</summary>
    public string Source { get; }

    /// <summary>The inputs to feed (initializers are not listed), in the model's order.</summary>
    public IReadOnlyList<OrtValueInfo> Inputs { get; }

    /// <summary>The outputs, in the model's order.</summary>
    public IReadOnlyList<OrtValueInfo> Outputs { get; }

    /// <summary>True once disposed; every native object of the session is released then.</summary>
    public bool IsDisposed => _session.IsClosed;

    /// <summary>Creates a session from an ONNX file.</summary>
    public static OrtSession Open(string path, OrtOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var environment = OrtEnvironment.Instance;
        var api = environment.Api;
        var where = $"{path}: CreateSession";
        using var sessionOptions = CreateOptions(api, options ?? OrtOptions.Default, where);
        var pathBytes = Utf8(path);
        nint session;
        fixed (byte* pathPointer = pathBytes)
        {
            api.Check(api.CreateSession(environment.Env.Pointer, pathPointer, sessionOptions.Pointer, &session), where);
        }

        return Wrap(environment, session, path);
    }

    /// <summary>Creates a session from the bytes of an ONNX model (a serialized ModelProto).</summary>
    public static OrtSession FromBytes(ReadOnlySpan<byte> model, OrtOptions? options = null, string name = "(bytes)")
    {
        var environment = OrtEnvironment.Instance;
        var api = environment.Api;
        var where = $"{name}: CreateSessionFromArray";
        using var sessionOptions = CreateOptions(api, options ?? OrtOptions.Default, where);
        nint session;
        fixed (byte* data = model)
        {
            api.Check(api.CreateSessionFromArray(environment.Env.Pointer, data, (nuint)model.Length, sessionOptions.Pointer, &session), where);
        }

        return Wrap(environment, session, name);
    }

    /// <summary>The ONNX Runtime library in use: where it was loaded from and its version ("1.30.0").</summary>
    public static (string Source, string Version) RuntimeInfo()
    {
        var api = OrtApi.Instance;
        return (api.LibrarySource, api.Version);
    }

    /// <summary>Releases the native session. Safe to call more than once.</summary>
    public void Dispose() => _session.Dispose();

    public override string ToString() =>
        $"{Source} ({string.Join(", ", Inputs)}) -> ({string.Join(", ", Outputs)})";

    internal static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static OrtSession Wrap(OrtEnvironment environment, nint session, string source)
    {
        var handle = new OrtHandle(OrtHandleKind.Session, session);
        try
        {
            return new OrtSession(environment, handle, source);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static OrtHandle CreateOptions(OrtApi api, OrtOptions options, string where)
    {
        if (options.IntraOpThreads < 0)
        {
            throw Fail.InvalidArgument("intra-op threads", options.IntraOpThreads, "0 (ORT chooses) or more");
        }

        if (options.InterOpThreads < 0)
        {
            throw Fail.InvalidArgument("inter-op threads", options.InterOpThreads, "0 (ORT chooses) or more");
        }

        nint pointer;
        api.Check(api.CreateSessionOptions(&pointer), where);
        var handle = new OrtHandle(OrtHandleKind.SessionOptions, pointer);
        try
        {
            api.Check(api.SetIntraOpNumThreads(pointer, options.IntraOpThreads), where);
            api.Check(api.SetInterOpNumThreads(pointer, options.InterOpThreads), where);
            api.Check(api.SetSessionGraphOptimizationLevel(pointer, (int)options.GraphOptimization), where);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}

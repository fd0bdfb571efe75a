using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Superposition.Runtime;

/// <summary>Running the session: managed inputs are pinned (not copied) for the call, outputs are copied out.</summary>
public sealed partial class OrtSession
{
    /// <summary>
    /// Runs the model. <paramref name="inputs"/> maps input names to tensors; <paramref name="outputNames"/>
    /// selects outputs (null: all, in the model's order). Returns the outputs by name, in the order asked for,
    /// as tensors that own their memory.
    /// </summary>
    public IReadOnlyDictionary<string, OrtTensor> Run(IReadOnlyDictionary<string, OrtTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var names = outputNames ?? Outputs.Select(o => o.Name).ToArray();
        var where = $"{Source}: Run";

        var inputNames = new List<string>(inputs.Count);
        var pins = new List<GCHandle>(inputs.Count);
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var (name, tensor) in inputs)
            {
                ArgumentNullException.ThrowIfNull(tensor, $"inputs[\"{name}\"]");
                inputNames.Add(name);
                var pin = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
                pins.Add(pin);
                values.Add(OrtCall.Guard($"{where}: input '{name}'", () => OrtValue.CreateTensorValueWithData(
                    OrtMemoryInfo.DefaultInstance, (TensorElementType)(int)tensor.ElementType, [.. tensor.Shape],
                    pin.AddrOfPinnedObject(), tensor.ByteLength)));
            }

            return OrtCall.Guard(where, () =>
            {
                using var runOptions = new RunOptions();
                using var outputs = _session.Run(runOptions, inputNames, values, [.. names]);
                var results = new Dictionary<string, OrtTensor>(names.Count, StringComparer.Ordinal);
                var index = 0;
                foreach (var output in outputs)
                {
                    results[names[index]] = Copy(output, where, names[index]);
                    index++;
                }

                return results;
            });
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }

            foreach (var pin in pins)
            {
                pin.Free();
            }
        }
    }

    /// <summary>Runs with a single input and returns all outputs.</summary>
    public IReadOnlyDictionary<string, OrtTensor> Run(string inputName, OrtTensor input) =>
        Run(new Dictionary<string, OrtTensor>(StringComparer.Ordinal) { [inputName] = input });

    /// <summary>Copies a tensor ORT allocated into a managed <see cref="OrtTensor"/>.</summary>
    private static OrtTensor Copy(OrtValue value, string where, string name)
    {
        if (value.OnnxType != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            throw Fail.RuntimeFailed($"{where}: output '{name}'",
                $"the value is a {((OrtValueKind)(int)value.OnnxType).ToString().ToLowerInvariant()}, and the binding reads tensors only.");
        }

        var info = value.GetTensorTypeAndShape();
        var type = (Onnx.Graph.OnnxDataType)(int)info.ElementDataType;
        var data = OrtElementTypes.NewArray(type, info.ElementCount) ?? throw Fail.UnsupportedDataType(where, name, OrtElementTypes.Name(type));
        var tensor = new OrtTensor(type, info.Shape, data);
        if (data.Length > 0)
        {
            value.GetTensorMutableRawData().CopyTo(tensor.AsBytes());
        }

        return tensor;
    }
}

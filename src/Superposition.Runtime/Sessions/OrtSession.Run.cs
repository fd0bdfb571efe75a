using System.Runtime.InteropServices;
using Superposition.Runtime.Native;

namespace Superposition.Runtime;

/// <summary>Running the session: managed inputs are pinned (not copied) for the call, outputs are copied out.</summary>
public sealed unsafe partial class OrtSession
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
        var api = _environment.Api;

        var inputNames = new List<string>(inputs.Count);
        var inputTensors = new List<OrtTensor>(inputs.Count);
        foreach (var (name, tensor) in inputs)
        {
            ArgumentNullException.ThrowIfNull(tensor, $"inputs[\"{name}\"]");
            inputNames.Add(name);
            inputTensors.Add(tensor);
        }

        using var nativeNames = new NativeNames(inputNames.Concat(names));
        var pins = new GCHandle[inputTensors.Count];
        var inputValues = new OrtHandle?[inputTensors.Count];
        var outputValues = new nint[names.Count];
        var sessionAdded = false;
        try
        {
            for (var i = 0; i < inputTensors.Count; i++)
            {
                pins[i] = GCHandle.Alloc(inputTensors[i].Data, GCHandleType.Pinned);
                inputValues[i] = CreateInputValue(api, _environment.CpuMemory.Pointer, inputTensors[i], pins[i].AddrOfPinnedObject(), $"{where}: input '{inputNames[i]}'");
            }

            var inputPointers = inputValues.Select(v => v!.Pointer).ToArray();
            _session.DangerousAddRef(ref sessionAdded);
            fixed (nint* inputPointer = inputPointers)
            fixed (nint* outputPointer = outputValues)
            {
                var namePointers = nativeNames.Pointers;
                api.Check(
                    api.Run(_session.Pointer, 0, namePointers, inputPointer, (nuint)inputPointers.Length,
                        namePointers + inputPointers.Length, (nuint)names.Count, outputPointer),
                    where);
            }

            var results = new Dictionary<string, OrtTensor>(names.Count, StringComparer.Ordinal);
            for (var o = 0; o < names.Count; o++)
            {
                using var value = new OrtHandle(OrtHandleKind.Value, outputValues[o]);
                outputValues[o] = 0;
                results[names[o]] = OrtValueReader.ReadTensor(api, value.Pointer, where, names[o]);
            }

            return results;
        }
        finally
        {
            if (sessionAdded)
            {
                _session.DangerousRelease();
            }

            // Outputs not yet wrapped (an exception part-way) are released here.
            foreach (var leftover in outputValues)
            {
                if (leftover != 0)
                {
                    new OrtHandle(OrtHandleKind.Value, leftover).Dispose();
                }
            }

            foreach (var value in inputValues)
            {
                value?.Dispose();
            }

            foreach (var pin in pins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }
        }
    }

    /// <summary>Runs with a single input and returns all outputs.</summary>
    public IReadOnlyDictionary<string, OrtTensor> Run(string inputName, OrtTensor input) =>
        Run(new Dictionary<string, OrtTensor>(StringComparer.Ordinal) { [inputName] = input });

    private static OrtHandle CreateInputValue(OrtApi api, nint cpuMemory, OrtTensor tensor, nint data, string where)
    {
        var shape = tensor.Shape.ToArray();
        nint value;
        fixed (long* shapePointer = shape)
        {
            api.Check(
                api.CreateTensorWithDataAsOrtValue(cpuMemory, (void*)data, (nuint)tensor.ByteLength, shapePointer,
                    (nuint)shape.Length, (int)tensor.ElementType, &value),
                where);
        }

        return new OrtHandle(OrtHandleKind.Value, value);
    }
}

namespace Superposition.Onnx.Graph;

/// <summary>Where a tensor's bytes live in the file.</summary>
public enum TensorStorage
{
    /// <summary>In the TensorProto's raw_data bytes.</summary>
    Raw,

    /// <summary>In the TensorProto's typed fields (float_data, int32_data, ...).</summary>
    Typed,

    /// <summary>In a separate file next to the model (data_location = EXTERNAL).</summary>
    External,
}

/// <summary>How the graph holds a tensor.</summary>
public enum TensorSource
{
    /// <summary>A graph initializer.</summary>
    Initializer,

    /// <summary>The value attribute of a Constant node.</summary>
    ConstantNode,

    /// <summary>A sparse initializer (densified on read).</summary>
    SparseInitializer,
}

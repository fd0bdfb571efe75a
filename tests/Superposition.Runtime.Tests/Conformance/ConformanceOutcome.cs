namespace Superposition.Runtime.Tests.Conformance;

internal enum ConformanceStatus
{
    /// <summary>Every output of every test data set matched within tolerance.</summary>
    Passed,

    /// <summary>ORT ran the model but an output differs from the shipped one.</summary>
    Mismatched,

    /// <summary>ORT refused to create a session (unsupported op/opset, invalid graph, ...).</summary>
    Rejected,

    /// <summary>The session loaded but Run failed.</summary>
    RunFailed,

    /// <summary>Not runnable through this binding (string/sequence/map/optional values, no model file).</summary>
    Skipped,
}

/// <summary>The result for one backend test model, with ORT's message or the mismatch detail.</summary>
internal sealed record ConformanceOutcome(string Model, ConformanceStatus Status, string Detail, double Seconds);

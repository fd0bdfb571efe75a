namespace Superposition.Reports.Content;

/// <summary>A list of labelled values, rendered as two aligned columns.</summary>
public sealed record KeyValueList(IReadOnlyList<KeyValueItem> Items) : Block;

/// <summary>One labelled value.</summary>
public sealed record KeyValueItem(string Key, string Value);

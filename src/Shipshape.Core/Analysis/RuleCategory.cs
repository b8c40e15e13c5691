namespace Shipshape.Core.Analysis;

/// <summary>Rule categories; each owns a range of IDs (see <see cref="RuleIds"/>).</summary>
public static class RuleCategory
{
    /// <summary>SHIP0xxx: the input cannot be read as Kubernetes objects.</summary>
    public const string Input = "Input";

    /// <summary>SHIP1xxx: the object breaks the Kubernetes API schema or uses a retired API version.</summary>
    public const string Schema = "Schema";

    /// <summary>SHIP2xxx: objects disagree with each other (selectors, ports, references).</summary>
    public const string Consistency = "Consistency";

    /// <summary>SHIP3xxx: the object weakens the cluster's security.</summary>
    public const string Security = "Security";

    /// <summary>SHIP4xxx: the object will run, but less reliably than it should.</summary>
    public const string Reliability = "Reliability";

    /// <summary>SHIP5xxx: mistakes only the typed C# builder can make.</summary>
    public const string Builder = "Builder";
}

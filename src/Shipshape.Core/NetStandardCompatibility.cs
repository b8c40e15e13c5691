#if NET
// The netstandard2.0 build declares IsExternalInit itself (Polyfill), so code compiled against that build
// (Shipshape.Analyzers) names init-only setters with Shipshape.Core's IsExternalInit. The forward lets that code also
// bind to this net10.0 build, which is the one loaded beside the builder, as in the analyzer tests.
[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(System.Runtime.CompilerServices.IsExternalInit))]
#endif

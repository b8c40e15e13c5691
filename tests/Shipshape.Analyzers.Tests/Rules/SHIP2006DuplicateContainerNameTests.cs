using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP2006DuplicateContainerNameTests
{
    [Fact]
    public Task A_second_container_of_the_same_name_is_reported_at_its_name() => Verify.Analyzer<SHIP2006DuplicateContainerName>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("web")
            .InitContainer(new Container().Name("setup").Image("busybox:1.36"))
            .Container(new Container().Name("web").Image("web:1.0"))
            .Container(new Container().Name({|SHIP2006:"setup"|}).Image("web:1.0"))
            .Container(new Container().Name({|SHIP2006:"web"|}).Image("web:1.0")));
        """);

    [Fact]
    public Task Distinct_names_and_names_in_different_pods_are_fine() => Verify.Analyzer<SHIP2006DuplicateContainerName>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("a").Container(new Container().Name("web")).Container(new Container().Name("proxy")));
        app.Add(new Pod().Name("b").Container(new Container().Name("web")));
        """);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;
using Shipshape.Core.Configuration;

namespace Shipshape.Core.Tests.Configuration;

/// <summary>
/// schemas/shipshape-config.schema.json is generated from <see cref="ShipshapeConfiguration"/> with NJsonSchema.
/// Run the tests with SHIPSHAPE_UPDATE_SCHEMA=1 to rewrite it after changing the type.
/// </summary>
public sealed class ConfigurationSchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "schemas", "shipshape-config.schema.json");

    [Fact]
    public void Committed_schema_is_the_one_generated_from_the_configuration_type()
    {
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("SHIPSHAPE_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        Assert.Equal(generated, File.ReadAllText(SchemaPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Reader_accepts_exactly_the_keys_of_the_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(properties, ConfigurationReader.Keys.Order(StringComparer.Ordinal));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    private static string Generate()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                // Enum values as the configuration spells them: off, warning, pss-baseline.
                Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
            },
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            GenerateEnumMappingDescription = false,
        };
        var schema = JsonSchema.FromType<ShipshapeConfiguration>(settings);
        schema.Title = "Shipshape configuration (.shipshape.yaml)";
        schema.Id = "https://github.com/shipshape-io/shipshape/blob/main/schemas/shipshape-config.schema.json";
        return schema.ToJson().ReplaceLineEndings("\n") + "\n";
    }
}

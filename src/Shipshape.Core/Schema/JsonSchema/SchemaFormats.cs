using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Shipshape.Core.Schema.JsonSchema;

/// <summary>
/// The string formats a schema's <c>format</c> names, checked as the Kubernetes API server checks them for CRDs
/// (apiextensions' list: bsonobjectid, uri, email, hostname, ipv4, ipv6, cidr, mac, uuid, uuid3, uuid4, uuid5, isbn,
/// isbn10, isbn13, creditcard, ssn, hexcolor, rgbcolor, byte, password, date, duration, datetime/date-time), plus
/// JSON Schema's time, uri-reference, json-pointer and regex. Other formats are annotations and accept any string,
/// as in both JSON Schema and Kubernetes.
/// </summary>
internal static partial class SchemaFormats
{
    /// <summary>What a value of <paramref name="format"/> must look like when <paramref name="text"/> is not one; null when it is (or the format is not checked).</summary>
    public static string? Problem(string format, string text) => format switch
    {
        "byte" when !IsBase64(text) => "base64-encoded data (put plain text under stringData instead)",
        "date-time" or "datetime" when !IsDateTime(text) => "a date and time such as 2024-01-31T12:00:00Z",
        "date" when !IsDate(text) => "a date such as 2024-01-31",
        "time" when !Time().IsMatch(text) => "a time such as 12:00:00Z",
        "duration" when !IsDuration(text) => "a duration such as 30s, 1h30m or 22 ns",
        "uri" when !IsUri(text) => "an absolute URI such as https://example.com/path",
        "uri-reference" when !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _) => "a URI reference",
        "email" when !Email().IsMatch(text) => "an email address such as name@example.com",
        "hostname" when !IsHostname(text) => "a host name such as example.com",
        "ipv4" when !IsIPv4(text) => "an IPv4 address such as 192.0.2.1",
        "ipv6" when !IsIPv6(text) => "an IPv6 address such as 2001:db8::1",
        "cidr" when !IsCidr(text) => "a CIDR such as 10.0.0.0/16",
        "mac" when !Mac().IsMatch(text) => "a MAC address such as 00:00:5e:00:53:01",
        "uuid" when !Uuid().IsMatch(text) => "a UUID",
        "uuid3" when !Uuid3().IsMatch(text) => "a version 3 UUID",
        "uuid4" when !Uuid4().IsMatch(text) => "a version 4 UUID",
        "uuid5" when !Uuid5().IsMatch(text) => "a version 5 UUID",
        "isbn" when !IsIsbn10(text) && !IsIsbn13(text) => "an ISBN",
        "isbn10" when !IsIsbn10(text) => "an ISBN-10",
        "isbn13" when !IsIsbn13(text) => "an ISBN-13",
        "creditcard" when !IsCreditCard(text) => "a credit card number",
        "ssn" when !Ssn().IsMatch(text) => "a social security number such as 123-45-6789",
        "hexcolor" when !HexColor().IsMatch(text) => "a hex colour such as #ff0000",
        "rgbcolor" when !RgbColor().IsMatch(text) => "a colour such as rgb(255, 0, 0)",
        "bsonobjectid" when !BsonObjectId().IsMatch(text) => "a BSON object ID (24 hex digits)",
        "json-pointer" when !JsonPointer().IsMatch(text) => "a JSON pointer such as /spec/name",
        "regex" when SchemaPattern.TryCreate(text, checkNow: true, out _) is null => "a regular expression",
        _ => null,
    };

    /// <summary>What a number of <paramref name="format"/> must be when <paramref name="value"/> is not; null when it is.</summary>
    public static string? Problem(string format, JsonNumber value) => format switch
    {
        "int32" when !value.IsWhole || value.Value < int.MinValue || value.Value > int.MaxValue => "a 32-bit integer",
        "int64" when !value.IsWhole || value.Value < long.MinValue || value.Value > long.MaxValue => "a 64-bit integer",
        _ => null,
    };

    private static bool IsBase64(string text)
    {
        // Kubernetes decodes standard base64; line breaks are tolerated by its decoder in practice (block scalars).
        var compact = text.Replace("\n", string.Empty).Replace("\r", string.Empty);
        var buffer = new byte[((compact.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(compact, buffer, out _);
    }

    private static bool IsDateTime(string text) =>
        text.Length >= 10 && IsDate(text[..10]) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsDate(string text) =>
        text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Go's time.ParseDuration (1h30m, 1.5s, -2m) or the "22 ns" / "3 days" forms go-openapi also accepts.</summary>
    private static bool IsDuration(string text) => text == "0" || GoDuration().IsMatch(text) || WordDuration().IsMatch(text);

    /// <summary>Go's url.ParseRequestURI: an absolute URI, or an absolute path.</summary>
    private static bool IsUri(string text) =>
        text.Length > 0 && !text.Any(char.IsWhiteSpace) && (text[0] == '/' || Uri.TryCreate(text, UriKind.Absolute, out _));

    private static bool IsHostname(string text)
    {
        var name = text.EndsWith('.') ? text[..^1] : text;
        return name.Length is > 0 and <= 253 && name.Split('.').All(label => HostnameLabel().IsMatch(label));
    }

    private static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(part =>
            part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0') && int.Parse(part, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsIPv6(string text) =>
        text.Contains(':') && !text.Contains('%') && !text.Contains('[') && !text.Contains('/')
        && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var address = text[..slash];
        return IsIPv4(address) ? prefix <= 32 : IsIPv6(address) && prefix <= 128;
    }

    private static bool IsIsbn10(string text)
    {
        var digits = text.Replace("-", string.Empty).Replace(" ", string.Empty);
        if (!Isbn10().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (10 - i) * (digits[i] == 'X' ? 10 : digits[i] - '0');
        }

        return sum % 11 == 0;
    }

    private static bool IsIsbn13(string text)
    {
        var digits = text.Replace("-", string.Empty).Replace(" ", string.Empty);
        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 13; i++)
        {
            sum += (i % 2 == 0 ? 1 : 3) * (digits[i] - '0');
        }

        return sum % 10 == 0;
    }

    /// <summary>A card number of a known issuer's shape whose Luhn checksum holds.</summary>
    private static bool IsCreditCard(string text)
    {
        var digits = new string(text.Where(c => c is not ('-' or ' ')).ToArray());
        if (!CreditCard().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        }

        return sum % 10 == 0;
    }

    private const string EmailText = @"^([^@\s<>]+@[^@\s<>]+\.?[^@\s<>]*|[^<>]*<[^@\s<>]+@[^@\s<>]+>)\z";
    private const string TimeText = @"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\z";
    private const string GoDurationText = @"^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+\z";
    private const string WordDurationText = @"^[0-9]+\s*(ns|us|µs|ms|s|m|h|d|w|nanos?|nanoseconds?|micros?|microseconds?|millis?|milliseconds?|seconds?|sec|minutes?|min|hours?|hr|days?|weeks?)\z";
    private const string HostnameLabelText = "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\z";
    private const string MacText = "^([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\2[0-9A-Fa-f]{2}){4}((\\2[0-9A-Fa-f]{2}){2})?((\\2[0-9A-Fa-f]{2}){12})?|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4})?(\\.[0-9A-Fa-f]{4}){0,3})\\z";
    private const string UuidText = "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\z";
    private const string Uuid3Text = "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?3[0-9a-fA-F]{3}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\z";
    private const string Uuid4Text = "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?4[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}\\z";
    private const string Uuid5Text = "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?5[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}\\z";
    private const string Isbn10Text = "^([0-9]{9}X|[0-9]{10})\\z";
    private const string CreditCardText = "^(4[0-9]{12}([0-9]{3})?|5[1-5][0-9]{14}|6(011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(0[0-5]|[68][0-9])[0-9]{11}|(2131|1800|35[0-9]{3})[0-9]{11})\\z";
    private const string SsnText = "^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}\\z";
    private const string HexColorText = "^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z";
    private const string RgbColorText = @"^rgb\(\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])%?\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])%?\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])%?\s*\)\z";
    private const string BsonObjectIdText = "^[0-9a-fA-F]{24}\\z";
    private const string JsonPointerText = "^(/([^~/]|~[01])*)*\\z";

#if NET
    [GeneratedRegex(EmailText)]
    private static partial Regex Email();

    [GeneratedRegex(TimeText)]
    private static partial Regex Time();

    [GeneratedRegex(GoDurationText)]
    private static partial Regex GoDuration();

    [GeneratedRegex(WordDurationText)]
    private static partial Regex WordDuration();

    [GeneratedRegex(HostnameLabelText)]
    private static partial Regex HostnameLabel();

    [GeneratedRegex(MacText)]
    private static partial Regex Mac();

    [GeneratedRegex(UuidText)]
    private static partial Regex Uuid();

    [GeneratedRegex(Uuid3Text)]
    private static partial Regex Uuid3();

    [GeneratedRegex(Uuid4Text)]
    private static partial Regex Uuid4();

    [GeneratedRegex(Uuid5Text)]
    private static partial Regex Uuid5();

    [GeneratedRegex(Isbn10Text)]
    private static partial Regex Isbn10();

    [GeneratedRegex(CreditCardText)]
    private static partial Regex CreditCard();

    [GeneratedRegex(SsnText)]
    private static partial Regex Ssn();

    [GeneratedRegex(HexColorText)]
    private static partial Regex HexColor();

    [GeneratedRegex(RgbColorText)]
    private static partial Regex RgbColor();

    [GeneratedRegex(BsonObjectIdText)]
    private static partial Regex BsonObjectId();

    [GeneratedRegex(JsonPointerText)]
    private static partial Regex JsonPointer();
#else
    // netstandard2.0 (the engine inside Roslyn hosts) has no regex source generator; each is built on first use.
    private static Regex Email() => Cached(EmailText);

    private static Regex Time() => Cached(TimeText);

    private static Regex GoDuration() => Cached(GoDurationText);

    private static Regex WordDuration() => Cached(WordDurationText);

    private static Regex HostnameLabel() => Cached(HostnameLabelText);

    private static Regex Mac() => Cached(MacText);

    private static Regex Uuid() => Cached(UuidText);

    private static Regex Uuid3() => Cached(Uuid3Text);

    private static Regex Uuid4() => Cached(Uuid4Text);

    private static Regex Uuid5() => Cached(Uuid5Text);

    private static Regex Isbn10() => Cached(Isbn10Text);

    private static Regex CreditCard() => Cached(CreditCardText);

    private static Regex Ssn() => Cached(SsnText);

    private static Regex HexColor() => Cached(HexColorText);

    private static Regex RgbColor() => Cached(RgbColorText);

    private static Regex BsonObjectId() => Cached(BsonObjectIdText);

    private static Regex JsonPointer() => Cached(JsonPointerText);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Built = new();

    private static Regex Cached(string pattern) => Built.GetOrAdd(pattern, text => new Regex(text));
#endif
}

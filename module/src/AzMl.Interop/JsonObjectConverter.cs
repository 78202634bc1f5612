// Lossless JSON <-> PowerShell objects (System.Text.Json).
//
// ConvertFrom-Json is not used because it is lossy for web service definitions: it turns
// ISO 8601 strings such as createdOn into local DateTime values and non-integers into doubles
// (1.0 comes back as 1). Here:
//  - objects become PSCustomObject trees whose note properties keep the JSON names and order
//    (PowerShell property access is case-insensitive, so $wsd.Properties.Assets works);
//  - strings stay strings, booleans booleans, nulls nulls;
//  - integers become Int64 (BigInteger beyond), like ConvertFrom-Json;
//  - non-integers become Decimal, which keeps the digits as written (1.0 stays 1.0, 0.6 stays
//    0.6); a number with an exponent or more digits than Decimal holds becomes Double, whose
//    shortest round-trip text gives the same value back;
//  - arrays become object[] even with one element.
// The writer accepts those trees and what people build by hand: hashtables and ordered
// dictionaries, arrays and lists, numbers of any .NET type, DateTime (ISO 8601), enums, GUIDs.
using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AzMl
{
    public static class JsonObjectConverter
    {
        public const string WebServiceTypeName = "AzMl.WebService";
        public const string WebServiceKeysTypeName = "AzMl.WebServiceKeys";

        // Deep enough for any real definition; shallow enough to stop a self-referencing object.
        private const int MaxDepth = 256;

        // Decimal holds 28 significant digits exactly; more would be rounded silently.
        private const int MaxDecimalDigits = 28;

        // ------------------------------------------------------------------ JSON -> objects

        /// <summary>Converts JSON text to a PSCustomObject tree (or array, or scalar).</summary>
        public static object? FromJson(string json)
        {
            using var document = Parse(json);
            return ToValue(document.RootElement, new PathBuilder());
        }

        /// <summary>Converts a JSON object to a PSCustomObject carrying typeName (when given) as its PSTypeName.</summary>
        public static PSObject FromJsonObject(string json, string? typeName)
        {
            using var document = Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new AzMlException(AzMlErrorCode.Invalid,
                    $"Expected a JSON object but got {Describe(document.RootElement.ValueKind)}.");
            var result = ToPSObject(document.RootElement, new PathBuilder());
            if (!string.IsNullOrEmpty(typeName)) result.TypeNames.Insert(0, typeName);
            return result;
        }

        /// <summary>Converts a JSON array of objects, tagging each item with typeName (when given).</summary>
        public static PSObject[] FromJsonArray(string json, string? itemTypeName)
        {
            using var document = Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new AzMlException(AzMlErrorCode.Invalid,
                    $"Expected a JSON array but got {Describe(document.RootElement.ValueKind)}.");
            var items = new List<PSObject>(document.RootElement.GetArrayLength());
            var path = new PathBuilder();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                path.PushIndex(index++);
                if (element.ValueKind != JsonValueKind.Object)
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"Expected a JSON object at {path} but got {Describe(element.ValueKind)}.", target: path.ToString());
                var item = ToPSObject(element, path);
                if (!string.IsNullOrEmpty(itemTypeName)) item.TypeNames.Insert(0, itemTypeName);
                items.Add(item);
                path.Pop();
            }
            return items.ToArray();
        }

        private static JsonDocument Parse(string json)
        {
            try
            {
                return JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { MaxDepth = MaxDepth });
            }
            catch (JsonException error)
            {
                var where = error.LineNumber.HasValue ? $" at line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}" : "";
                // System.Text.Json appends its own zero-based "LineNumber: 0 | BytePositionInLine: 6.".
                var reason = error.Message;
                var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                if (suffix > 0) reason = reason.Substring(0, suffix);
                throw new AzMlException(AzMlErrorCode.Invalid, $"The text is not valid JSON{where}: {reason}",
                                        innerException: error);
            }
        }

        private static object? ToValue(JsonElement element, PathBuilder path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return ToPSObject(element, path);
                case JsonValueKind.Array:
                {
                    var items = new object?[element.GetArrayLength()];
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        path.PushIndex(index);
                        items[index++] = ToValue(item, path);
                        path.Pop();
                    }
                    return items;
                }
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return ToNumber(element.GetRawText());
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static PSObject ToPSObject(JsonElement element, PathBuilder path)
        {
            var result = new PSObject();
            // PowerShell member names are case-insensitive; checking here lets Add skip its own
            // (slower) validation and gives a message that names the JSON path.
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                path.PushName(property.Name);
                if (property.Name.Length == 0)
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"The JSON object at {path.Parent()} has a property with an empty name, which a PowerShell object cannot hold.",
                        target: path.Parent());
                if (!names.Add(property.Name))
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"The JSON object at {path.Parent()} has the property '{property.Name}' more than once " +
                        "(PowerShell property names are case-insensitive).", target: path.ToString());
                result.Properties.Add(new PSNoteProperty(property.Name, ToValue(property.Value, path)), true);
                path.Pop();
            }
            return result;
        }

        /// <summary>The .NET number for a JSON number token, keeping its value and, for non-integers, its digits.</summary>
        public static object ToNumber(string token)
        {
            var isInteger = token.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
            if (isInteger)
            {
                if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
                return BigInteger.Parse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            var hasExponent = token.IndexOfAny(new[] { 'e', 'E' }) >= 0;
            var negativeZero = token.StartsWith("-", StringComparison.Ordinal) && IsAllZeroDigits(token);
            if (!hasExponent && !negativeZero && SignificantDigits(token) <= MaxDecimalDigits &&
                decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return exact;
            }
            return double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static int SignificantDigits(string token)
        {
            var count = 0;
            var leading = true;
            foreach (var c in token)
            {
                if (c < '0' || c > '9') continue;
                if (leading && c == '0') continue;
                leading = false;
                count++;
            }
            return count;
        }

        private static bool IsAllZeroDigits(string token)
        {
            foreach (var c in token)
            {
                if (c >= '1' && c <= '9') return false;
                if (c == 'e' || c == 'E') break;
            }
            return true;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        // ------------------------------------------------------------------ objects -> JSON

        /// <summary>Writes a PowerShell value (PSCustomObject tree, hashtable, array, scalar) as JSON text.</summary>
        public static string ToJson(object? value, bool indented = false)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var options = new JsonWriterOptions
            {
                Indented = indented,
                // The text goes to libazml and files, never into HTML: keep it readable.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                MaxDepth = MaxDepth + 1,
            };
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                Write(writer, value, new PathBuilder(), 0);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static void Write(Utf8JsonWriter writer, object? value, PathBuilder path, int depth)
        {
            if (depth > MaxDepth)
                throw new AzMlException(AzMlErrorCode.Invalid,
                    $"The object is nested more than {MaxDepth} levels deep at {path} (does it contain itself?).",
                    target: path.ToString());

            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    WritePSCustomObject(writer, wrapped, path, depth);
                    return;
                }
                value = wrapped.BaseObject;  // a string, number, hashtable... that PowerShell wrapped
            }

            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string text:
                    writer.WriteStringValue(text);
                    return;
                case char character:
                    writer.WriteStringValue(character.ToString());
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case SwitchParameter switchValue:
                    writer.WriteBooleanValue(switchValue.IsPresent);
                    return;
                case int number: writer.WriteNumberValue(number); return;
                case long number: writer.WriteNumberValue(number); return;
                case short number: writer.WriteNumberValue(number); return;
                case byte number: writer.WriteNumberValue(number); return;
                case sbyte number: writer.WriteNumberValue(number); return;
                case ushort number: writer.WriteNumberValue(number); return;
                case uint number: writer.WriteNumberValue(number); return;
                case ulong number: writer.WriteNumberValue(number); return;
                case decimal number: writer.WriteNumberValue(number); return;
                case BigInteger number: writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture)); return;
                case double number:
                    if (double.IsNaN(number) || double.IsInfinity(number)) throw NotRepresentable(number, path);
                    writer.WriteNumberValue(number);
                    return;
                case float number:
                    if (float.IsNaN(number) || float.IsInfinity(number)) throw NotRepresentable(number, path);
                    writer.WriteNumberValue(number);
                    return;
                case DateTime time:
                    writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset time:
                    writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Guid guid:
                    writer.WriteStringValue(guid.ToString());
                    return;
                case Uri uri:
                    writer.WriteStringValue(uri.OriginalString);
                    return;
                case Enum enumValue:
                    writer.WriteStringValue(enumValue.ToString());
                    return;
                case IDictionary dictionary:
                    WriteDictionary(writer, dictionary, path, depth);
                    return;
                case IEnumerable sequence:
                    WriteSequence(writer, sequence, path, depth);
                    return;
                default:
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"A value of type {value.GetType().FullName} at {path} cannot be written as JSON; " +
                        "use a PSCustomObject, a hashtable, an array, a string, a number or a boolean.",
                        target: path.ToString());
            }
        }

        private static void WritePSCustomObject(Utf8JsonWriter writer, PSObject source, PathBuilder path, int depth)
        {
            writer.WriteStartObject();
            foreach (var member in NoteProperties(source))
            {
                path.PushName(member.Name);
                writer.WritePropertyName(member.Name);
                Write(writer, member.Value, path, depth + 1);
                path.Pop();
            }
            writer.WriteEndObject();
        }

        // PSObject.Properties builds a new collection merged with type data and adapters on every
        // call: for a definition of thousands of nodes that is most of the export time. The note
        // properties of a PSCustomObject are its instance members, which PowerShell keeps in a
        // (non-public) collection; read that when this PowerShell has it, else the public way.
        private static readonly Func<PSObject, IEnumerable>? InstanceMembers = FindInstanceMembers();

        private static Func<PSObject, IEnumerable>? FindInstanceMembers()
        {
            try
            {
                var property = typeof(PSObject).GetProperty("InstanceMembers",
                    System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
                if (property == null || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)) return null;
                return source => (IEnumerable)property.GetValue(source)!;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static IEnumerable<PSPropertyInfo> NoteProperties(PSObject source)
        {
            if (InstanceMembers != null)
            {
                foreach (var member in InstanceMembers(source))
                {
                    if (member is PSNoteProperty note) yield return note;
                }
                yield break;
            }
            foreach (var property in source.Properties)
            {
                if (property.MemberType == PSMemberTypes.NoteProperty) yield return property;
            }
        }

        private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary, PathBuilder path, int depth)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                var name = entry.Key is PSObject wrappedKey ? wrappedKey.BaseObject?.ToString() : entry.Key?.ToString();
                name ??= string.Empty;
                path.PushName(name);
                writer.WritePropertyName(name);
                Write(writer, entry.Value, path, depth + 1);
                path.Pop();
            }
            writer.WriteEndObject();
        }

        private static void WriteSequence(Utf8JsonWriter writer, IEnumerable sequence, PathBuilder path, int depth)
        {
            writer.WriteStartArray();
            var index = 0;
            foreach (var item in sequence)
            {
                path.PushIndex(index++);
                Write(writer, item, path, depth + 1);
                path.Pop();
            }
            writer.WriteEndArray();
        }

        private static AzMlException NotRepresentable(object number, PathBuilder path) =>
            new AzMlException(AzMlErrorCode.Invalid,
                $"The number {Convert.ToString(number, CultureInfo.InvariantCulture)} at {path} cannot be written as JSON.",
                target: path.ToString());

        /// <summary>A JSON path ("properties.assets.asset1.locationInfo", "edges[2]") built as the converter walks.</summary>
        private sealed class PathBuilder
        {
            // (text, isIndex): a property may itself be named "[trained model]".
            private readonly List<(string Text, bool IsIndex)> segments = new List<(string, bool)>();

            public void PushName(string name) => segments.Add((name, false));
            public void PushIndex(int index) => segments.Add(("[" + index.ToString(CultureInfo.InvariantCulture) + "]", true));
            public void Pop() => segments.RemoveAt(segments.Count - 1);

            public string Parent() => Render(segments.Count - 1);
            public override string ToString() => Render(segments.Count);

            // The same notation as libazml's error targets; "$" is the document itself.
            private string Render(int count)
            {
                if (count <= 0) return "$";
                var text = new StringBuilder();
                for (var i = 0; i < count; i++)
                {
                    var (segment, isIndex) = segments[i];
                    if (isIndex) text.Append(segment);
                    else text.Append(text.Length == 0 ? "" : ".").Append(segment);
                }
                return text.ToString();
            }
        }
    }
}

// The offline definition calls of azml.h: export, import and validate. They need no connection.
using System.IO;

namespace AzMl
{
    public static class WebServiceDefinition
    {
        /// <summary>
        /// The definition as a stable, indented JSON document without read-only fields and nulls,
        /// exactly what Az.MachineLearning's serializer writes for a WebService.
        /// </summary>
        public static string Export(string webServiceJson) =>
            NativeCall.ReturningText("azml_definition_export",
                (ref NativeBuf output) => NativeMethods.DefinitionExport(ref output, webServiceJson));

        /// <summary>Parses, normalises to camelCase and validates a definition; the inverse of Export.</summary>
        public static string Import(string definitionJson) =>
            NativeCall.ReturningText("azml_definition_import",
                (ref NativeBuf output) => NativeMethods.DefinitionImport(ref output, definitionJson));

        /// <summary>
        /// Imports a definition file (UTF-8 JSON). A missing file throws
        /// AzMlMissingDefinitionFileException; a rejected one AzMlInvalidDefinitionException
        /// naming the file.
        /// </summary>
        public static string ImportFile(string fullPath)
        {
            if (!File.Exists(fullPath)) throw new AzMlMissingDefinitionFileException(fullPath);
            var text = File.ReadAllText(fullPath);
            try
            {
                return Import(text);
            }
            catch (AzMlException error) when (error.Code == AzMlErrorCode.Invalid)
            {
                throw new AzMlInvalidDefinitionException($"the file {fullPath}", error);
            }
        }

        /// <summary>Imports a definition given as text; a rejected one throws AzMlInvalidDefinitionException.</summary>
        public static string ImportString(string definitionJson)
        {
            try
            {
                return Import(definitionJson);
            }
            catch (AzMlException error) when (error.Code == AzMlErrorCode.Invalid)
            {
                throw new AzMlInvalidDefinitionException("the JSON string", error);
            }
        }

        /// <summary>Throws an AzMlException (Invalid) naming the first problem, with all of them in Details.</summary>
        public static void Validate(string webServiceJson) =>
            NativeCall.Check(NativeMethods.DefinitionValidate(webServiceJson), "azml_definition_validate");

        /// <summary>
        /// The body the cmdlets send for a web service object (PUT or PATCH): the object as JSON
        /// through Export, so read-only fields and nulls are dropped as Az's serializer drops them.
        /// </summary>
        public static string ToRequestBody(object? webService) => Export(JsonObjectConverter.ToJson(webService));
    }
}

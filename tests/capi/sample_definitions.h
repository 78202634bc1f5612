/*
 * Web service definitions for the ABI tests, in the wire contract's shape (contract 1.4).
 */
#ifndef AZML_TESTS_CAPI_SAMPLE_DEFINITIONS_H
#define AZML_TESTS_CAPI_SAMPLE_DEFINITIONS_H

/* A complete PUT body of a service that provisions: input -> Select Columns in Dataset (age) ->
 * output. */
#define SAMPLE_WEB_SERVICE_JSON \
  "{\"location\":\"South Central US\",\"tags\":{\"suite\":\"abi\"}," \
  "\"properties\":{\"title\":\"ABI test service\",\"description\":\"created by abi_tests\"," \
  "\"readOnly\":false,\"exposeSampleData\":false," \
  "\"keys\":{\"primary\":\"abi-primary-key\",\"secondary\":\"abi-secondary-key\"}," \
  "\"realtimeConfiguration\":{\"maxConcurrentCalls\":4},\"diagnostics\":{\"level\":\"None\"}," \
  "\"packageType\":\"Graph\"," \
  "\"assets\":{" \
  "\"asset1\":{\"name\":\"Select Columns in Dataset\",\"type\":\"Module\"," \
  "\"locationInfo\":{\"uri\":\"aml://module/select-columns\"}}}," \
  "\"input\":{\"type\":\"object\",\"properties\":{\"input1\":{\"type\":\"object\",\"properties\":{" \
  "\"age\":{\"type\":\"Integer\",\"format\":\"Int32\",\"x-ms-isnullable\":true}}}}}," \
  "\"output\":{\"type\":\"object\",\"properties\":{\"output1\":{\"type\":\"object\",\"properties\":{" \
  "\"age\":{\"type\":\"Integer\",\"format\":\"Int32\"}}}}}," \
  "\"package\":{\"nodes\":{" \
  "\"node1\":{\"inputId\":\"input1\"}," \
  "\"node2\":{\"assetId\":\"asset1\",\"parameters\":{\"Select columns\":{\"value\":\"age\"}}}," \
  "\"node3\":{\"outputId\":\"output1\"}}," \
  "\"edges\":[" \
  "{\"sourceNodeId\":\"node1\",\"targetNodeId\":\"node2\",\"targetPortId\":\"Dataset\"}," \
  "{\"sourceNodeId\":\"node2\",\"sourcePortId\":\"Results dataset\",\"targetNodeId\":\"node3\"}]," \
  "\"graphParameters\":{}}}}"

/* The same service as GET returns it, read-only fields included, PascalCase inside the package
 * (as the REST examples write it). */
#define SAMPLE_GET_RESULT_PASCAL_JSON \
  "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearning/webServices/svc\"," \
  "\"name\":\"svc\",\"type\":\"Microsoft.MachineLearning/webServices\",\"location\":\"West US\"," \
  "\"properties\":{\"title\":\"t\",\"provisioningState\":\"Succeeded\",\"createdOn\":\"2017-04-26T17:08:47Z\"," \
  "\"swaggerLocation\":\"https://example.test/swagger.json\",\"description\":null,\"packageType\":\"Graph\"," \
  "\"assets\":{\"asset1\":{\"name\":\"Import Data\",\"type\":\"Module\",\"locationInfo\":{\"uri\":\"aml://module/import\"}}}," \
  "\"input\":{\"type\":\"object\",\"properties\":{\"input1\":{\"type\":\"object\",\"properties\":{}}}}," \
  "\"output\":{\"type\":\"object\",\"properties\":{\"output1\":{\"type\":\"object\",\"properties\":{}}}}," \
  "\"package\":{\"Nodes\":{\"node1\":{\"InputId\":\"input1\"},\"node2\":{\"AssetId\":\"asset1\"}," \
  "\"node3\":{\"OutputId\":\"output1\"}}," \
  "\"Edges\":[{\"SourceNodeId\":\"node1\",\"TargetNodeId\":\"node2\",\"TargetPortId\":\"Dataset1\"}," \
  "{\"SourceNodeId\":\"node2\",\"SourcePortId\":\"Results dataset\",\"TargetNodeId\":\"node3\"}]}}}"

/* An edge into a node that does not exist. */
#define SAMPLE_BROKEN_GRAPH_JSON \
  "{\"properties\":{\"packageType\":\"Graph\"," \
  "\"assets\":{\"asset1\":{\"name\":\"Import Data\",\"type\":\"Module\",\"locationInfo\":{\"uri\":\"aml://module/import\"}}}," \
  "\"package\":{\"nodes\":{\"node1\":{\"assetId\":\"asset1\"}}," \
  "\"edges\":[{\"sourceNodeId\":\"node1\",\"sourcePortId\":\"out\",\"targetNodeId\":\"nodeX\",\"targetPortId\":\"in\"}]}}}"

#endif

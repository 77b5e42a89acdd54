import org.carto.importapi.*;
public class Import { public static void main(String[] args) { try (Options o = new Options()) { o.setBaseUrl(System.getenv("CARTO_API_URL")); o.setApiKey(System.getenv("CARTO_API_KEY")); try (Client client = new Client(o); DatasetList list = client.importDataset(System.getenv("CARTO_IMPORT_SAMPLES") + "/world_cities.csv", null, 300_000L, null)) {
  for (long i = 0; i < list.count(); i++) { try (Dataset d = list.get(i)) { System.out.println("imported " + d.getString("name") + " " + d.getInt("row_count", -1) + " rows"); } } }
  System.out.println("carto_import " + CartoImport.version()); } } }

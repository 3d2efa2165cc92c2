-- Menu kinds: alcohol (beer, soju, wine, an item that includes one) and shared_set (a set or a large dish for two
-- or more people, priced for all of them). Only a meal ever satisfies a budget, and alcohol is never shown to a
-- minor, so the importer tells these apart from meals and the column must hold them.
--
-- The new values are appended at the end of the list: existing rows keep their values and MariaDB changes the
-- definition without rebuilding the table. Applying the file again changes nothing.

ALTER TABLE menus
    MODIFY COLUMN kind ENUM('meal', 'drink', 'side', 'addon', 'dessert', 'alcohol', 'shared_set') NOT NULL DEFAULT 'meal';

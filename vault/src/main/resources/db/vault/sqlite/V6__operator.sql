-- The vault's operator. Keep in step with ../postgresql/V6__operator.sql: VaultSchemaTest compares the two.
-- The operator admits people, recipients and their declarations; every other person is a member. A vault has one
-- operator: the first person created in it, and in a vault made before roles existed, its oldest person.
ALTER TABLE persons ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('operator', 'member'));

UPDATE persons SET role = 'operator' WHERE person_id = (SELECT min(person_id) FROM persons);

CREATE UNIQUE INDEX persons_one_operator ON persons (role) WHERE role = 'operator';

#!/usr/bin/python3
"""Business data the CRM's erp tests rely on, written into a Tryton 6.0 database through proteus.

Run with Debian's /usr/bin/python3 (proteus is installed for it only):

    /usr/bin/python3 scripts/tryton_setup.py --config trytond.conf --database loopcrm_tryton_tpl

proteus talks to the database directly, so no trytond has to run. Every step first looks for what it
would make (by code or name) and skips it when present: re-running only adds what is missing, which
is how a template made last year gets this year's fiscal year. scripts/README.md lists the fixture.
"""

import argparse
import datetime
import time
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from proteus import Model, Wizard
from proteus import config as proteus_config

COMPANY = 'Loop Demo Company'
CATEGORY = 'Loop Demo Goods'
EMPLOYEE = 'Loop Demo Administrator'
WIDGET_STOCK = 100


def step(name):
    print('setup: %s' % name, flush=True)


def find_one(model, domain):
    records = Model.get(model).find(domain, limit=1)
    return records[0] if records else None


def ensure_currency():
    currency = find_one('currency.currency', [('code', '=', 'EUR')])
    if currency is None:
        step('currency EUR')
        currency = Model.get('currency.currency')(
            name='Euro', symbol='€', code='EUR', rounding=Decimal('0.01'))
        currency.save()
        # The only currency, so the rate only has to exist, from the earliest date on.
        Model.get('currency.currency.rate')(
            date=datetime.date.min, rate=Decimal(1), currency=currency).save()
    return currency


def ensure_company(config):
    company = find_one('company.company', [('party.name', '=', COMPANY)])
    if company is None:
        step('company %s' % COMPANY)
        party = Model.get('party.party')(name=COMPANY)
        party.save()
        wizard = Wizard('company.company.config')
        wizard.execute('company')
        wizard.form.party = party
        wizard.form.currency = ensure_currency()
        wizard.execute('add')
        company = find_one('company.company', [('party.name', '=', COMPANY)])
    # Later steps create records per company: they take it from the user's preferences.
    config._context = Model.get('res.user').get_preferences(True, {})
    return company


def accounts_of(company):
    """The minimal chart's account of each kind, by the same rules as Tryton's own test tools."""
    Account = Model.get('account.account')
    accounts = {}
    for kind in ['receivable', 'payable', 'revenue', 'expense']:
        found = Account.find(
            [('type.%s' % kind, '=', True), ('company', '=', company.id)], limit=1)
        if found:
            accounts[kind] = found[0]
    cash = Account.find([('name', '=', 'Main Cash'), ('company', '=', company.id)], limit=1)
    if cash:
        accounts['cash'] = cash[0]
    return accounts


def ensure_chart(company):
    if not Model.get('account.account').find([('company', '=', company.id)], limit=1):
        step('chart of accounts from account.account_template_root_en')
        data, = Model.get('ir.model.data').find(
            [('module', '=', 'account'), ('fs_id', '=', 'account_template_root_en')], limit=1)
        wizard = Wizard('account.create_chart')
        wizard.execute('account')
        wizard.form.account_template = Model.get('account.account.template')(data.db_id)
        wizard.form.company = company
        wizard.execute('create_account')
        accounts = accounts_of(company)
        wizard.form.account_receivable = accounts['receivable']
        wizard.form.account_payable = accounts['payable']
        wizard.execute('create_properties')
    return accounts_of(company)


def ensure_fiscal_year(company, today):
    """A fiscal year per calendar year, with its move and invoice sequences and monthly periods."""
    FiscalYear = Model.get('account.fiscalyear')
    if FiscalYear.find([
            ('company', '=', company.id),
            ('start_date', '<=', today), ('end_date', '>=', today)], limit=1):
        return
    name = str(today.year)
    step('fiscal year %s' % name)
    SequenceType = Model.get('ir.sequence.type')
    move_type, = SequenceType.find([('name', '=', 'Account Move')], limit=1)
    move_sequence = Model.get('ir.sequence')(
        name=name, sequence_type=move_type, company=company)
    move_sequence.save()
    invoice_type, = SequenceType.find([('name', '=', 'Invoice')], limit=1)
    invoice_sequence = Model.get('ir.sequence.strict')(
        name=name, sequence_type=invoice_type, company=company)
    invoice_sequence.save()
    year = FiscalYear(
        name=name, company=company,
        start_date=today + relativedelta(month=1, day=1),
        end_date=today + relativedelta(month=12, day=31),
        post_move_sequence=move_sequence)
    sequences, = year.invoice_sequences
    sequences.out_invoice_sequence = invoice_sequence
    sequences.in_invoice_sequence = invoice_sequence
    sequences.out_credit_note_sequence = invoice_sequence
    sequences.in_credit_note_sequence = invoice_sequence
    year.save()
    year.click('create_period')


def ensure_payment_terms():
    PaymentTerm = Model.get('account.invoice.payment_term')
    if not PaymentTerm.find([('name', '=', 'Net 30')], limit=1):
        step('payment term Net 30')
        term = PaymentTerm(name='Net 30')
        line = term.lines.new(type='remainder')
        line.relativedeltas.new(days=30)
        term.save()
    if not PaymentTerm.find([('name', '=', 'Immediate')], limit=1):
        step('payment term Immediate')
        term = PaymentTerm(name='Immediate')
        term.lines.new(type='remainder')
        term.save()


def ensure_payment_method(company, accounts):
    """What the account.invoice.pay wizard books a payment with: the cash journal and account."""
    Method = Model.get('account.invoice.payment.method')
    if not Method.find([('name', '=', 'Cash'), ('company', '=', company.id)], limit=1):
        step('payment method Cash')
        journal, = Model.get('account.journal').find([('type', '=', 'cash')], limit=1)
        Method(name='Cash', company=company, journal=journal,
            credit_account=accounts['cash'], debit_account=accounts['cash']).save()


def ensure_category(accounts):
    category = find_one('product.category', [('name', '=', CATEGORY)])
    if category is None:
        step('product category %s' % CATEGORY)
        category = Model.get('product.category')(
            name=CATEGORY, accounting=True,
            account_revenue=accounts['revenue'], account_expense=accounts['expense'])
        category.save()
    return category


def ensure_product(code, name, kind, uom, list_price, cost_price, category, producible=False):
    """The product whose template has this code; True as second value when it was made now."""
    product = find_one('product.product', [('template.code', '=', code)])
    if product is not None:
        return product, False
    step('product %s' % code)
    template = Model.get('product.template')(
        name=name, code=code, type=kind, default_uom=uom, list_price=list_price,
        salable=True, account_category=category)
    if producible:
        template.producible = True
    template.products[0].cost_price = cost_price
    template.save()
    return template.products[0], True


def put_in_stock(product, quantity):
    """An inventory of the warehouse's storage: the quantity is on hand from today."""
    step('%s x %s into storage' % (quantity, product.template.code))
    storage, = Model.get('stock.location').find([('code', '=', 'STO')], limit=1)
    inventory = Model.get('stock.inventory')(location=storage)
    line = inventory.lines.new()
    line.product = product
    line.quantity = quantity
    inventory.save()
    inventory.click('confirm')


def ensure_bom(product, widget):
    BOM = Model.get('production.bom')
    if BOM.find([('name', '=', product.template.code)], limit=1):
        return
    step('bill of materials %s = 2 x %s' % (product.template.code, widget.template.code))
    bom = BOM(name=product.template.code)
    bom_input = bom.inputs.new()
    bom_input.product = widget
    bom_input.quantity = 2
    bom_output = bom.outputs.new()
    bom_output.product = product
    bom_output.quantity = 1
    bom.save()
    product = Model.get('product.product')(product.id)
    product.boms.new(bom=bom)
    product.save()


def ensure_products(accounts):
    Uom = Model.get('product.uom')
    unit, = Uom.find([('name', '=', 'Unit')], limit=1)
    hour, = Uom.find([('name', '=', 'Hour')], limit=1)
    category = ensure_category(accounts)
    widget, made = ensure_product(
        'WIDGET', 'Widget', 'goods', unit, Decimal('10.00'), Decimal('4.00'), category)
    if made:
        put_in_stock(widget, WIDGET_STOCK)
    ensure_product('GADGET', 'Gadget', 'goods', unit, Decimal('25.00'), Decimal('12.00'), category)
    assembly, _ = ensure_product(
        'ASSEMBLY', 'Assembly', 'goods', unit, Decimal('30.00'), Decimal('9.00'), category,
        producible=True)
    ensure_bom(assembly, widget)
    ensure_product('SERVICE', 'Service', 'service', hour, Decimal('80.00'), Decimal('40.00'),
        category)


def ensure_employee(config, company):
    """Sales, productions and timesheets record the user's employee; admin needs one."""
    Employee = Model.get('company.employee')
    employee = find_one('company.employee', [('party.name', '=', EMPLOYEE)])
    if employee is None:
        step('employee %s' % EMPLOYEE)
        party = Model.get('party.party')(name=EMPLOYEE)
        party.save()
        employee = Employee(party=party, company=company)
        employee.save()
    User = Model.get('res.user')
    admin, = User.find([('login', '=', 'admin')])
    changed = False
    if company not in admin.companies:
        admin.companies.append(Model.get('company.company')(company.id))
        changed = True
    if admin.company != company:
        admin.company = company
        changed = True
    if employee not in admin.employees:
        admin.employees.append(Employee(employee.id))
        changed = True
    if admin.employee != employee:
        admin.employee = employee
        changed = True
    if changed:
        step('admin user: company and employee')
        admin.save()
    config._context = User.get_preferences(True, {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--config', required=True, help='trytond.conf')
    parser.add_argument('--database', required=True)
    # Only to prove the January case without waiting for it.
    parser.add_argument('--today', type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args()
    started = time.monotonic()
    config = proteus_config.set_trytond(database=args.database, config_file=args.config)
    company = ensure_company(config)
    ensure_employee(config, company)
    accounts = ensure_chart(company)
    ensure_fiscal_year(company, args.today)
    ensure_payment_terms()
    ensure_payment_method(company, accounts)
    ensure_products(accounts)
    print('setup: %s done in %.1f s' % (args.database, time.monotonic() - started), flush=True)


if __name__ == '__main__':
    main()
